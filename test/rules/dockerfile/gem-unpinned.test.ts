import { gemUnpinned } from '../../../server/src/rules/dockerfile/gem-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(gemUnpinned, {
  valid: [
    'FROM ruby:3.3\nRUN gem install bundler:2.5.16 && gem i rake:13.2.1',
    "FROM ruby:3.3\nRUN gem install bundler -v '2.5.16' && gem install rails --version=7.1.3",
    'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries',
    'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 --use-system-libraries true',
    'FROM ruby:3.3\nRUN gem install --no-document -i /gems rails:7.1.3 ./local-1.0.gem',
    'FROM ruby:3.3\nRUN gem install -g Gemfile && gem update --system',
    { name: 'variables cannot be judged', code: 'FROM ruby:3.3\nRUN gem install "$GEM"' },
  ],
  invalid: [
    { name: 'unpinned gem', code: 'FROM ruby:3.3\nRUN gem install «bundler»', messageId: 'unpinned', output: null },
    { name: 'one of several, short alias', code: 'FROM ruby:3.3\nRUN gem i bundler:2.5.16 «nokogiri»' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM ruby:3.3\r\nonbuild run gem install --no-document \\\r\n  «rails»\r\n' },
    { name: 'heredoc, multi-stage', code: 'FROM ruby:3.3 AS a\nRUN <<EOF\ngem install «rake»\nEOF\nFROM ruby:3.3\nRUN sudo gem install «bundler»' },
  ],
});

// Preloaded into a language server started from source (`node --import tsx --import <this> server/src/server.ts`)
// by the resilience tests: adds test-only rules to the real registry. Nothing in the product reads these
// variables; the server under test is otherwise the real one.
//   CONTAINER_HYGIENE_TEST_THROWING_RULE=1   a Dockerfile rule that always throws
//   CONTAINER_HYGIENE_TEST_CRASH_ON=<marker> a rule that crashes the process (uncaught exception) on a document containing <marker>
import { defineRule, type Rule } from '../../../server/src/analysis/rule';
import { dockerfileRules } from '../../../server/src/rules/registry';

export const THROWING_RULE_ID = 'test-throwing-rule';

const injected: Rule<'dockerfile'>[] = [];
if (process.env.CONTAINER_HYGIENE_TEST_THROWING_RULE === '1') {
  injected.push(defineRule({
    id: THROWING_RULE_ID, kind: 'dockerfile', title: 'Always throws (test only)', severity: 'warning', aliases: [], messages: { never: 'never' }, fixable: false,
    check() {
      throw new Error('planted failure in a test-only rule');
    },
  }));
}
const marker = process.env.CONTAINER_HYGIENE_TEST_CRASH_ON;
if (marker) {
  injected.push(defineRule({
    id: 'test-crashing-rule', kind: 'dockerfile', title: 'Crashes the process (test only)', severity: 'warning', aliases: [], messages: { never: 'never' }, fixable: false,
    check(doc) {
      // Outside every try/catch, as a real fatal bug (or an out-of-memory) would be.
      if (doc.text.includes(marker)) setImmediate(() => { throw new Error('planted fatal error'); });
    },
  }));
}
(dockerfileRules as Rule<'dockerfile'>[]).push(...injected);

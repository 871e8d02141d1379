import { multipleHealthcheck } from '../../../server/src/rules/dockerfile/multiple-healthcheck';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(multipleHealthcheck, {
  valid: [
    'FROM scratch\nHEALTHCHECK CMD ["/bin/check"]',
    { name: 'one per stage', code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2' },
  ],
  invalid: [
    { name: 'two in one stage', code: 'FROM scratch\n«HEALTHCHECK» CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2', messageId: 'overridden', output: null },
    { name: 'NONE counts too', code: 'FROM a\n«healthcheck» --interval=5s CMD ["x"]\nhealthcheck NONE', messageId: 'overridden' },
  ],
});

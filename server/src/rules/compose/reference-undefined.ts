import { serviceReferences, type ReferenceKind } from '../../analysis/compose-references';
import { defineRule } from '../../analysis/rule';

const NOUNS: Record<ReferenceKind, string> = { services: 'service', volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config' };

/** A name that points nowhere (`depends_on: [dbb]`, an undeclared volume) makes `docker compose up` fail. */
export const referenceUndefined = defineRule({
  id: 'reference-undefined',
  kind: 'compose',
  title: 'Reference to an undefined service, volume, network, secret or config',
  severity: 'error',
  aliases: [],
  messages: {
    services: 'Service "{service}" refers to service "{name}" in {field}, but no such service is defined{hint}; define it or fix the name.',
    resource: 'Service "{service}" uses {noun} "{name}" in {field}, but the top-level "{section}:" does not declare it{hint}; declare it or fix the name.',
  },
  fixable: false,
  check(doc, report) {
    // Names may live in files we cannot see: the base of an override, or `include:`d projects.
    if (doc.project.partial || doc.project.hasInclude) return;
    for (const service of doc.services) {
      for (const ref of serviceReferences(service)) {
        if (ref.optional || (ref.kind === 'networks' && ref.name === 'default')) continue;
        if (doc.isDefined(ref.kind, ref.name)) continue;
        const known = Object.keys((doc.project.model[ref.kind] ?? {}) as object);
        const guess = known.find((name) => name.toLowerCase() === ref.name.toLowerCase() || similar(name, ref.name));
        const data = { service: service.name, name: ref.name, field: `"${ref.field}"`, noun: NOUNS[ref.kind], section: ref.kind, hint: guess ? ` (did you mean "${guess}"?)` : '' };
        report({ range: ref.range, messageId: ref.kind === 'services' ? 'services' : 'resource', data });
      }
    }
  },
});

/** One edit apart (a typo), for names of four characters or more. */
function similar(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}

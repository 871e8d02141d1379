import { defineRule } from '../../analysis/rule';

const MESSAGE_IDS: Record<string, string> = {
  env_file: 'envFile', 'build.context': 'context', 'build.dockerfile': 'dockerfile', label_file: 'other', 'extends.file': 'other',
};

/** A missing env_file, build context or Dockerfile makes `docker compose up` / `build` fail before anything starts. */
export const servicePathMissing = defineRule({
  id: 'service-path-missing',
  kind: 'compose',
  title: 'Service refers to a file or folder that does not exist',
  severity: 'error',
  aliases: [],
  messages: {
    envFile: 'Service "{service}" reads env_file "{path}", which does not exist, so "docker compose up" fails; create it, fix the path, or mark it "required: false".',
    context: 'Service "{service}" builds from "{path}", which does not exist, so the build fails; fix build.context.',
    dockerfile: 'Service "{service}" builds with the Dockerfile "{path}", which does not exist in the build context; fix build.dockerfile (it is relative to the context).',
    other: 'Service "{service}" refers to "{path}" in {field}, which does not exist; create it or fix the path.',
  },
  fixable: false,
  check(doc, report) {
    const missingContexts = new Set<string>();
    for (const ref of doc.referencedPaths()) {
      const messageId = MESSAGE_IDS[ref.field];
      if (!messageId || !ref.service || !ref.required || doc.pathExists(ref.path) !== false) continue;
      // A Dockerfile inside a missing context is missing too: one finding is enough.
      if (ref.field === 'build.dockerfile' && missingContexts.has(ref.service)) continue;
      if (ref.field === 'build.context') missingContexts.add(ref.service);
      report({ range: ref.node.range, messageId, data: { service: ref.service, path: ref.node.text ?? ref.path, field: `"${ref.field}"` } });
    }
  },
});

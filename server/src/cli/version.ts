// esbuild inlines the one field; nothing else of package.json lands in the bundle.
import { version as packageVersion } from '../../../package.json';

export const version: string = packageVersion;

export const HOMEPAGE = 'https://github.com/container-hygiene/container-hygiene';

/** Each rule's documentation page (docs/rules/<id>.md). */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}

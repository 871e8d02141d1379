// esbuild inlines the one field; nothing else of package.json lands in the bundle.
import { version as packageVersion } from '../../../package.json';

export const version: string = packageVersion;
export { HOMEPAGE, ruleDocsUrl } from '../rules/docs-url';

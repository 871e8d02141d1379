/** Where users read about the project and each rule; shared by diagnostics, SARIF and docs. */
export const HOMEPAGE = 'https://github.com/container-hygiene/container-hygiene';

/** The source every diagnostic of ours names (the server sends it, or the VS Code client adds it: client/src/diagnostic-links.ts). */
export const DIAGNOSTIC_SOURCE = 'container-hygiene';

export const RULE_DOCS_BASE_URL = `${HOMEPAGE}/blob/main/docs/rules`;

/** Each rule's documentation page (docs/rules/<id>.md). */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}/${encodeURIComponent(ruleId)}.md`;
}

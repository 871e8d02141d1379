/**
 * Plain Compose data (`ComposeNode.toJS()`) as text that is equal exactly when the data is: key
 * order kept, and numbers JSON cannot tell apart (`.nan`, `.inf`, `-0`) spelled out. For comparing
 * a service's values between edits and for caching schema results by value.
 */
export function canonicalText(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? String(value) : `#${String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value).map((key) => `${JSON.stringify(key)}:${canonicalText((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return `?${typeof value}:${String(value)}`;
}

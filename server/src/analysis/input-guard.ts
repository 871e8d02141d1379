/** Inputs we decline to analyse, with the message that says why. */
export const MAX_ANALYZED_CHARS = 8 * 1024 * 1024;

export function unanalyzableReason(text: string): { messageId: string; data: Record<string, string | number> } | undefined {
  if (text.length > MAX_ANALYZED_CHARS) {
    return { messageId: 'tooLarge', data: { size: (text.length / (1024 * 1024)).toFixed(1), limit: MAX_ANALYZED_CHARS / (1024 * 1024) } };
  }
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return { messageId: 'binary', data: {} };
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) return { messageId: 'binary', data: {} };
  return undefined;
}

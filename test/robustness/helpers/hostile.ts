// Hostile inputs shared by the robustness tests.

const SERVICE = 'services:\n  web:\n    image: nginx:1.27\n';

/** "Billion laughs": nine levels of nine aliases, 9^9 values once expanded. */
export function aliasBomb(): string {
  const levels = 'abcdefghi'.split('');
  const lines = levels.map((name, i) => (i === 0
    ? `x-${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
    : `x-${name}: &${name} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`));
  return `${SERVICE}${lines.join('\n')}\n`;
}

/** The same with maps and merge keys (`<<: *a`), the other way aliases multiply. */
export function mergeKeyBomb(): string {
  const levels = 'abcdefghij'.split('');
  const lines = levels.map((name, i) => (i === 0
    ? `x-${name}: &${name} {k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v, k8: v}`
    : `x-${name}: &${name} {${Array.from({ length: 9 }, (_, k) => `k${k}: *${levels[i - 1]}`).join(', ')}}`));
  return `${SERVICE}${lines.join('\n')}\n`;
}

/** `x-deep: [[[...]]]`, `depth` levels of flow sequences. */
export function nestedFlow(depth: number): string {
  return `${SERVICE}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** `x-deep: {a: {a: ...}}`, `depth` levels of flow maps. */
export function nestedFlowMaps(depth: number): string {
  return `${SERVICE}x-deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

/** `- - - - x`: block sequences nested `depth` deep on one line. */
export function nestedBlockSequences(depth: number): string {
  return `${SERVICE}x-deep:\n  ${'- '.repeat(depth)}x\n`;
}

/** Bytes that are no text: an ELF header, a PNG header, and noise from a fixed seed. */
export function binaryFiles(): { name: string; bytes: Buffer }[] {
  let state = 12345;
  const noise = Buffer.alloc(4096, 0).map(() => (state = (state * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  return [
    { name: 'ELF', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]) },
    { name: 'PNG', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    { name: 'noise', bytes: Buffer.from(noise) },
    { name: 'UTF-16 text', bytes: Buffer.from('\ufeffFROM alpine:3.20\nRUN echo hi\n', 'utf16le') },
  ];
}

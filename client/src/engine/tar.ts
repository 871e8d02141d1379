/**
 * Reads the first regular file from a tar stream, as `docker cp CONTAINER:/path -` prints it. Only
 * what that stream holds is handled: ustar headers, PAX/GNU long-name records before the file.
 */

const BLOCK = 512;

function octal(header: Buffer, offset: number, length: number): number {
  const text = header.subarray(offset, offset + length).toString('ascii').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The content of the first regular file, or null when the archive holds none (or is a symlink only). */
export function firstFileInTar(archive: Buffer): Buffer | null {
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return null;
    const size = octal(header, 124, 12);
    if (!Number.isFinite(size) || size < 0) return null;
    const type = String.fromCharCode(header[156] || 0x30);
    const dataStart = offset + BLOCK;
    if (type === '0' || type === '\0' || type === '7') {
      return dataStart + size <= archive.length ? archive.subarray(dataStart, dataStart + size) : null;
    }
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return null;
}

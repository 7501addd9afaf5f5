/** Where a file stops being valid UTF-8, and on which line (for the reader's error message). */

/** Length of the valid UTF-8 prefix of `bytes`, treating a truncated sequence at the very end as valid-so-far. */
export function validPrefixLength(bytes: Uint8Array): { valid: number; incompleteTail: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { valid: i, incompleteTail: 0 };
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return { valid: i, incompleteTail: bytes.length - i };
      const c = bytes[i + k]!;
      // second-byte ranges exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4)
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) return { valid: i, incompleteTail: 0 };
    }
    i += need + 1;
  }
  return { valid: i, incompleteTail: 0 };
}

export function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Where the first invalid UTF-8 sequence of a whole file is: its 1-based line and byte offset. */
export function findInvalidUtf8(bytes: Uint8Array): { line: number; byteOffset: number } {
  const { valid } = validPrefixLength(bytes);
  return { line: 1 + countNewlines(bytes, valid), byteOffset: valid };
}

/** A UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian) at the start of `bytes`. */
export function utf16ByteOrder(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Whether `bytes` look like UTF-16: a byte-order mark, or a NUL byte in the first two (UTF-16 text in
 * the ASCII range is one NUL per character; a CSV in UTF-8 or Latin-1 has none). Looks at two bytes.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  return utf16ByteOrder(bytes) !== undefined || (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0));
}

/**
 * The single-byte encoding that reads bytes which are not UTF-8: "windows-1252" when some byte is in
 * 0x80-0x9F (curly quotes, the euro sign: control codes in ISO-8859-1), else "latin1"; undefined when
 * the file has NUL bytes (neither: binary data, or UTF-16).
 */
export function guessSingleByteEncoding(bytes: Uint8Array, from = 0): "latin1" | "windows-1252" | undefined {
  if (bytes.includes(0)) return undefined;
  // from the first byte that is not UTF-8 on (the bytes before it are ASCII in a single-byte file)
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x80 && bytes[i]! <= 0x9f) return "windows-1252";
  return "latin1";
}

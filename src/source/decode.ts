/**
 * A raw file's bytes as the UTF-8 text the scanner reads: gzip decompressed (by its magic bytes, so
 * `.csv.gz` keys and objects stored with Content-Encoding: gzip alike), and UTF-16 or Latin-1 text
 * transcoded as raw.encoding says. A UTF-8 file that is not compressed goes through untouched: a
 * look at its first bytes is all this costs it.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import type { RawEncoding } from "../config/index.js";
import { SourceError } from "../errors.js";
import { countNewlines, looksLikeUtf16, utf16ByteOrder } from "./utf8.js";

/**
 * The text of a raw file as UTF-8 bytes (`bytes` itself when nothing had to change). Throws
 * SourceError naming the file (and line and byte where known) when it cannot be decompressed or is
 * not in `encoding`, suggesting the raw.encoding that reads it.
 * @example decodeRawBytes(gzipSync("a,b\n1,2\n"), "2019_jan_10_gid_requests.csv.gz", "utf-8") // the CSV's bytes
 */
export function decodeRawBytes(bytes: Uint8Array, key: string, encoding: RawEncoding): Uint8Array {
  const plain = isGzip(bytes) ? gunzip(bytes, key) : bytes;
  if (encoding === "utf-8") {
    // UTF-16 text in the ASCII range is valid UTF-8 (one NUL per character): refused here, or it would be read as garbage
    if (looksLikeUtf16(plain)) throw wrongEncoding(key, "UTF-16", "utf-16", "utf-8");
    return plain;
  }
  if (encoding === "utf-16") return fromUtf16(plain, key);
  return fromSingleByte(plain, key, encoding);
}

/** gzip's magic bytes 1f 8b. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The most a gzip raw file may expand to: a few bytes of gzip can stand for gigabytes, and the memory
 * bound (README, Limits) counts each file in flight at its size as read.
 */
const GUNZIPPED_MAX_BYTES = 1024 ** 3;

function gunzip(bytes: Uint8Array, key: string): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: GUNZIPPED_MAX_BYTES });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new SourceError(`${key}: the file is gzip-compressed and expands to more than 1 GiB`, {
        key,
        hint: "Export the day in parts of less than 1 GiB each (raw.keyPattern's {part}).",
      });
    throw new SourceError(
      `${key}: the file is gzip-compressed (it starts with bytes 1f 8b) but cannot be decompressed: ${(error as Error).message}`,
      { key, hint: "The upload may have been cut short or damaged: export and upload the file again." },
    );
  }
}

function wrongEncoding(key: string, what: string, suggested: RawEncoding, configured: RawEncoding): SourceError {
  return new SourceError(`${key}: the file looks like ${what}; set raw.encoding to "${suggested}"`, {
    key,
    hint: `raw.encoding is "${configured}". Set it to "${suggested}" in site-config.json if every raw file is ${what}, or re-export the file in ${configured}.`,
  });
}

/** UTF-16 with a byte-order mark (the mark says which byte order), as UTF-8. */
function fromUtf16(bytes: Uint8Array, key: string): Uint8Array {
  const order = utf16ByteOrder(bytes);
  if (!order) {
    if (isUtf8(bytes)) throw wrongEncoding(key, "UTF-8 (it has no UTF-16 byte-order mark)", "utf-8", "utf-16");
    throw new SourceError(`${key}: the file does not start with a UTF-16 byte-order mark (FF FE or FE FF)`, {
      key,
      line: 1,
      hint: 'raw.encoding "utf-16" reads UTF-16 files that start with a byte-order mark; re-export the file with one, or as UTF-8.',
    });
  }
  try {
    return Buffer.from(new TextDecoder(order, { fatal: true }).decode(bytes), "utf8");
  } catch {
    const { line, byteOffset } = findInvalidUtf16(bytes, order === "utf-16le");
    throw new SourceError(`${key}: line ${line}: invalid UTF-16 (byte ${byteOffset})`, {
      key,
      line,
      hint: "The file may have been cut short or mixes encodings: re-export it.",
    });
  }
}

/** Where UTF-16 text stops being valid: an unpaired surrogate, or an odd last byte. */
function findInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): { line: number; byteOffset: number } {
  let line = 1;
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit === 0x0a) line++;
    if (unit >= 0xdc00 && unit <= 0xdfff) return { line, byteOffset: i };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = littleEndian ? bytes[i + 2]! | (bytes[i + 3]! << 8) : (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (i + 3 >= bytes.length || next < 0xdc00 || next > 0xdfff) return { line, byteOffset: i };
      i += 2;
    }
  }
  return { line, byteOffset: bytes.length - 1 };
}

/**
 * Latin-1 (ISO-8859-1, as pandas' "latin1") or Windows-1252, as UTF-8. A file that is UTF-8 with
 * characters beyond ASCII is refused: read as Latin-1 its "é" would become "Ã©" and be counted apart.
 */
function fromSingleByte(bytes: Uint8Array, key: string, encoding: "latin1" | "windows-1252"): Uint8Array {
  if (looksLikeUtf16(bytes)) throw wrongEncoding(key, "UTF-16", "utf-16", encoding);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer)) return bytes;
  if (isUtf8(buffer)) {
    const { line, byteOffset } = firstNonAscii(buffer);
    throw new SourceError(
      `${key}: line ${line}: the file looks like UTF-8 (byte ${byteOffset} starts a UTF-8 character); set raw.encoding to "utf-8"`,
      {
        key,
        line,
        hint: `raw.encoding is "${encoding}", which would read the file's characters beyond ASCII as other ones (é as Ã©). Set raw.encoding to "utf-8" if every raw file is UTF-8, or re-export the file in ${encoding}.`,
      },
    );
  }
  const text = buffer.toString("latin1");
  return Buffer.from(encoding === "latin1" ? text : text.replace(/[\x80-\x9f]/g, fromWindows1252), "utf8");
}

// Windows-1252's characters at 0x80-0x9F (the WHATWG table; 81, 8D, 8F, 90 and 9D stay as they are).
// Not TextDecoder("windows-1252"): Node 20's reads these bytes as ISO-8859-1 control codes.
const WINDOWS_1252_80_9F = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

function fromWindows1252(c: string): string {
  return WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]!;
}

function firstNonAscii(bytes: Uint8Array): { line: number; byteOffset: number } {
  const byteOffset = bytes.findIndex((b) => b >= 0x80);
  return { line: 1 + countNewlines(bytes, byteOffset), byteOffset };
}

/** The careful reader\'s stream step: lets bytes through only while they are valid UTF-8, and says on which line they stop being so. */
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { countNewlines, validPrefixLength } from "../../../src/source/utf8.js";

/** Thrown (through the stream) at the first invalid UTF-8 sequence. */
export class InvalidUtf8Error extends Error {
  constructor(
    readonly line: number,
    readonly byteOffset: number,
  ) {
    super(`invalid UTF-8 byte sequence at line ${line} (byte ${byteOffset})`);
  }
}

/** A Transform that passes valid UTF-8 through unchanged and fails with InvalidUtf8Error otherwise. */
export function utf8Guard(): Transform {
  let carry: Buffer = Buffer.alloc(0);
  let lines = 1;
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const { valid, incompleteTail } = isUtf8(bytes)
        ? { valid: bytes.length, incompleteTail: 0 }
        : validPrefixLength(bytes);
      if (valid + incompleteTail < bytes.length) {
        return callback(new InvalidUtf8Error(lines + countNewlines(bytes, valid), offset + valid));
      }
      const pass = bytes.subarray(0, valid);
      carry = Buffer.from(bytes.subarray(valid));
      lines += countNewlines(pass);
      offset += pass.length;
      callback(null, pass);
    },
    flush(callback: TransformCallback) {
      if (carry.length) return callback(new InvalidUtf8Error(lines, offset));
      callback();
    },
  });
}

/** A stream step that lets bytes through only while they are valid UTF-8, and says on which line they stop being so. */
import { isUtf8 } from "node:buffer";
import { Transform } from "node:stream";
/** Thrown (through the stream) at the first invalid UTF-8 sequence. */
export class InvalidUtf8Error extends Error {
    line;
    byteOffset;
    constructor(line, byteOffset) {
        super(`invalid UTF-8 byte sequence at line ${line} (byte ${byteOffset})`);
        this.line = line;
        this.byteOffset = byteOffset;
    }
}
/** Length of the valid UTF-8 prefix of `bytes`, treating a truncated sequence at the very end as valid-so-far. */
function validPrefixLength(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
        if (need < 0)
            return { valid: i, incompleteTail: 0 };
        for (let k = 1; k <= need; k++) {
            if (i + k >= bytes.length)
                return { valid: i, incompleteTail: bytes.length - i };
            const c = bytes[i + k];
            // second-byte ranges exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4)
            const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
            const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
            if (c < lo || c > hi)
                return { valid: i, incompleteTail: 0 };
        }
        i += need + 1;
    }
    return { valid: i, incompleteTail: 0 };
}
function countNewlines(bytes, end = bytes.length) {
    let n = 0;
    for (let i = 0; i < end; i++)
        if (bytes[i] === 0x0a)
            n++;
    return n;
}
/** A Transform that passes valid UTF-8 through unchanged and fails with InvalidUtf8Error otherwise. */
export function utf8Guard() {
    let carry = Buffer.alloc(0);
    let lines = 1;
    let offset = 0;
    return new Transform({
        transform(chunk, _encoding, callback) {
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
        flush(callback) {
            if (carry.length)
                return callback(new InvalidUtf8Error(lines, offset));
            callback();
        },
    });
}
/** Where the first invalid UTF-8 sequence of a whole file is: its 1-based line and byte offset. */
export function findInvalidUtf8(bytes) {
    const { valid } = validPrefixLength(bytes);
    return { line: 1 + countNewlines(bytes, valid), byteOffset: valid };
}

import { Transform } from "node:stream";
/** Thrown (through the stream) at the first invalid UTF-8 sequence. */
export declare class InvalidUtf8Error extends Error {
    readonly line: number;
    readonly byteOffset: number;
    constructor(line: number, byteOffset: number);
}
/** A Transform that passes valid UTF-8 through unchanged and fails with InvalidUtf8Error otherwise. */
export declare function utf8Guard(): Transform;
/** Where the first invalid UTF-8 sequence of a whole file is: its 1-based line and byte offset. */
export declare function findInvalidUtf8(bytes: Uint8Array): {
    line: number;
    byteOffset: number;
};

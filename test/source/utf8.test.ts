import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, test } from "vitest";
import { InvalidUtf8Error, utf8Guard } from "../support/careful-reader/utf8-guard.js";

/** Push `chunks` through a guard; the bytes that came out, or the error it failed with. */
async function guard(chunks: Uint8Array[]): Promise<{ out?: Buffer; error?: unknown }> {
  try {
    return { out: await buffer(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(utf8Guard())) };
  } catch (error) {
    return { error };
  }
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("utf8Guard", () => {
  test("valid UTF-8 passes through unchanged, even with a character split across chunks", async () => {
    const whole = text("name,city\nJosé,Zürich\n€,😀\n");
    const splits = [whole.subarray(0, 12), whole.subarray(12, 13), whole.subarray(13, 30), whole.subarray(30)];
    const { out, error } = await guard(splits);
    expect(error).toBeUndefined();
    expect(out?.equals(Buffer.from(whole))).toBe(true);
  });

  test("an invalid byte fails with its line and byte offset", async () => {
    const { error } = await guard([text("a,b\nok,1\n"), bytes(0x62, 0x61, 0x64, 0xff, 0x0a)]);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect(error).toMatchObject({ line: 3, byteOffset: 12 });
    expect((error as Error).message).toBe("invalid UTF-8 byte sequence at line 3 (byte 12)");
  });

  test("a Latin-1 é (0xe9 followed by ASCII) is invalid", async () => {
    const { error } = await guard([bytes(0x4a, 0x6f, 0x73, 0xe9, 0x2c)]);
    expect(error).toMatchObject({ line: 1, byteOffset: 3 });
  });

  test.each([
    { description: "overlong NUL (C0 80)", sequence: [0xc0, 0x80] },
    { description: "overlong 3-byte (E0 80 80)", sequence: [0xe0, 0x80, 0x80] },
    { description: "surrogate (ED A0 80)", sequence: [0xed, 0xa0, 0x80] },
    { description: "above U+10FFFF (F4 90 80 80)", sequence: [0xf4, 0x90, 0x80, 0x80] },
  ])("rejects $description", async ({ sequence }) => {
    const { error } = await guard([bytes(0x61, 0x0a, ...sequence, 0x0a)]);
    expect(error).toMatchObject({ line: 2, byteOffset: 2 });
  });

  test("a sequence cut off at the end of the stream fails at its start", async () => {
    const { error } = await guard([text("a\n€"), bytes(0xe2, 0x82)]);
    expect(error).toMatchObject({ line: 2, byteOffset: 5 });
  });
});

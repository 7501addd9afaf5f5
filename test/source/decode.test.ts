/** Gzip, UTF-16 and Latin-1 raw files are read (raw.encoding), or refused with the encoding named. */
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import type { RawEncoding } from "../../src/config/index.js";
import { scanPoolFor, type FileTally } from "../../src/source/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { counting } from "../support/tally.js";

const KEY = "2019_jan_10_gid_requests.csv";
const CSV = "service_name,case_record_type\nCafé ☕,Request\nCafé ☕,Inquiry\nPothole,Request\n";
const LATIN1_CSV = "service_name,case_record_type\nCafé,Request\nCafé,Inquiry\nPothole,Request\n";
const counts = (file: FileTally) =>
  Object.fromEntries(file.tallies[0]!.map((r) => [r.slice(0, -1).join("|"), r.at(-1)]));

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) =>
  Buffer.from(
    utf16le(text)
      .toString("hex")
      .replace(/(..)(..)/g, "$2$1"),
    "hex",
  );

/** Scan `bytes` as the build does (check, decode, scan), on the main thread or on worker threads. */
async function read(bytes: Buffer, encoding?: RawEncoding, key = KEY, threads = false): Promise<FileTally> {
  const pool = scanPoolFor(threads ? Number.MAX_SAFE_INTEGER : 0);
  try {
    return await pool.scan(bytes, key, {
      requiredColumns: [],
      ...counting(["service_name", "case_record_type"]),
      encoding,
    });
  } finally {
    await pool.close();
  }
}

describe("raw files in other shapes are read", () => {
  const expected = { "Café ☕|Request": 1, "Café ☕|Inquiry": 1, "Pothole|Request": 1 };

  test.each([
    { description: "gzip (a .csv.gz key)", bytes: () => gzipSync(CSV), key: `${KEY}.gz` },
    { description: "gzip under a .csv key (Content-Encoding: gzip)", bytes: () => gzipSync(CSV), key: KEY },
    { description: "UTF-16 little-endian with a BOM", bytes: () => utf16le(CSV), encoding: "utf-16" as const },
    { description: "UTF-16 big-endian with a BOM", bytes: () => utf16be(CSV), encoding: "utf-16" as const },
    { description: "gzip of UTF-16", bytes: () => gzipSync(utf16le(CSV)), encoding: "utf-16" as const },
  ])("$description", async ({ bytes, encoding, key }) => {
    expect(counts(await read(bytes(), encoding, key))).toEqual(expected);
  });

  test("gzip on worker threads gives the same counts", async () => {
    expect(counts(await read(gzipSync(CSV), undefined, KEY, true))).toEqual(expected);
  });

  test.each([
    { encoding: "latin1" as const, bytes: Buffer.from(LATIN1_CSV, "latin1"), service: "Café" },
    // 0x93 and 0x94 are curly quotes in Windows-1252 (control codes in ISO-8859-1)
    {
      encoding: "windows-1252" as const,
      bytes: Buffer.from([
        ...Buffer.from("service_name,case_record_type\n"),
        0x93,
        0x41,
        0x94,
        ...Buffer.from(",Request\n"),
      ]),
      service: "\u201cA\u201d",
    },
  ])("$encoding: $service", async ({ encoding, bytes, service }) => {
    const tally = await read(bytes, encoding);
    expect(tally.tallies[0]![0]![0]).toBe(service);
  });
});

describe("raw files in another encoding are refused, the setting named", () => {
  test.each([
    {
      description: "UTF-16 with a BOM, read as UTF-8",
      bytes: utf16le(CSV),
      message: /^2019_jan_10_gid_requests\.csv: the file looks like UTF-16; set raw\.encoding to "utf-16"$/,
    },
    {
      description: "UTF-16 without a BOM (NUL bytes), read as UTF-8",
      bytes: Buffer.from(CSV, "utf16le"),
      message: /the file looks like UTF-16; set raw\.encoding to "utf-16"/,
    },
    {
      description: "Latin-1, read as UTF-8",
      bytes: Buffer.from(LATIN1_CSV, "latin1"),
      message:
        /^2019_jan_10_gid_requests\.csv: line 2: invalid UTF-8 byte sequence \(byte 33\); the file looks like Latin-1 \(ISO-8859-1\): set raw\.encoding to "latin1"$/,
    },
    {
      description: "Windows-1252 curly quotes, read as UTF-8",
      bytes: Buffer.from([...Buffer.from("service_name,case_record_type\n"), 0x93, 0x41, 0x94, ...Buffer.from(",R\n")]),
      message:
        /line 2: invalid UTF-8 byte sequence \(byte 30\); the file looks like Windows-1252: set raw\.encoding to "windows-1252"/,
    },
    {
      description: "UTF-8, read as Latin-1",
      bytes: Buffer.from(CSV),
      encoding: "latin1" as const,
      message: /line 2: the file looks like UTF-8 \(byte 33 starts a UTF-8 character\); set raw\.encoding to "utf-8"/,
    },
    {
      description: "UTF-16, read as Windows-1252",
      bytes: utf16le(CSV),
      encoding: "windows-1252" as const,
      message: /the file looks like UTF-16; set raw\.encoding to "utf-16"/,
    },
    {
      description: "UTF-8, read as UTF-16",
      bytes: Buffer.from(CSV),
      encoding: "utf-16" as const,
      message: /the file looks like UTF-8 \(it has no UTF-16 byte-order mark\); set raw\.encoding to "utf-8"/,
    },
    {
      description: "UTF-16 cut in the middle of a character",
      bytes: utf16le(CSV).subarray(0, 67),
      encoding: "utf-16" as const,
      message: /line 2: invalid UTF-16 \(byte 66\)/,
    },
    {
      description: "a cut gzip file",
      bytes: gzipSync(CSV).subarray(0, 20),
      message: /the file is gzip-compressed \(it starts with bytes 1f 8b\) but cannot be decompressed/,
    },
  ])("$description", async ({ bytes, encoding, message }) => {
    await expectReportsiteError(() => read(bytes, encoding), { name: "SourceError", message });
  });
});

import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { parseCsvStream, type RawFile } from "../../src/source/index.js";
import { expectReportsiteError } from "../support/errors.js";

const options = {
  requiredColumns: ["service_name", "case_record_type"],
  keepColumns: ["service_name", "case_record_type"],
};

/** The bytes as a stream, cut into chunks of `chunk` bytes (to cross every boundary). */
function streamOf(content: string | Buffer, chunk = 1 << 16): Readable {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

const parse = (content: string | Buffer, chunk?: number): Promise<RawFile> =>
  parseCsvStream(streamOf(content, chunk), "2019_jan_10_gid_requests.csv", options);

describe("parseCsvStream reads what pandas reads", () => {
  test("quoted commas, quotes and newlines, BOM, CRLF and blank lines", async () => {
    const csv =
      '\ufeffid,service_name,case_record_type\r\n1,"Pothole, big",Request\r\n2,"Says ""hi""\r\nline 2",Complaint\r\n\r\n   \r\n3,,Request\r\n';
    for (const chunk of [1, 3, 1 << 16]) {
      const file = await parse(csv, chunk);
      expect(file.header).toEqual(["id", "service_name", "case_record_type"]);
      expect(file.rows).toBe(3);
      expect(file.columns.service_name).toEqual(["Pothole, big", 'Says "hi"\r\nline 2', ""]);
      expect(file.columns.case_record_type).toEqual(["Request", "Complaint", "Request"]);
      expect(file.columns.id).toBeUndefined();
    }
  });

  test("a last line without a line break still counts", async () => {
    const file = await parse("service_name,case_record_type\nA,Request\nB,Inquiry");
    expect(file.columns.service_name).toEqual(["A", "B"]);
  });

  test.each([1, 3, 65_536])(
    "mixed LF, CRLF and CR line endings, the group column last (chunks of %i bytes)",
    async (chunk) => {
      const file = await parse(
        'case_record_type,service_name\nRequest,A\r\nRequest,A\nInquiry,"B\r\nC"\rRequest,D\r\n',
        chunk,
      );
      expect(file.columns.service_name).toEqual(["A", "A", "B\r\nC", "D"]);
      const error = await parse(
        "case_record_type,service_name\r\nRequest,A\nRequest,A\rRequest,A,extra\n",
        chunk,
      ).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/line 4: expected 2 fields/);
    },
  );

  test("multi-byte UTF-8 split across chunks passes", async () => {
    const file = await parse("service_name,case_record_type\nCafé ☕ 𝄞,Request\n", 1);
    expect(file.columns.service_name).toEqual(["Café ☕ 𝄞"]);
  });
});

describe("bad input names the file and the line", () => {
  const cases: { description: string; content: string | Buffer; message: RegExp; line: number | undefined }[] = [
    {
      description: "missing required column",
      content: "service_name,status\nA,open\n",
      message: /line 1: missing required column "case_record_type"/,
      line: 1,
    },
    {
      description: "ragged row (too many fields)",
      content: "service_name,case_record_type\nA,Request\nB,Request,extra\n",
      message: /line 3: expected 2 fields \(as in the header\), found 3/,
      line: 3,
    },
    {
      description: "ragged row (too few fields) after a multi-line cell",
      content: 'service_name,case_record_type\n"A\nB",Request\nC\n',
      message: /line 4: expected 2 fields.*found 1/,
      line: 4,
    },
    {
      description: "unterminated quote",
      content: 'service_name,case_record_type\nA,Request\n"B,Request\nC,Inquiry\n',
      message: /line 3: a quoted field opened in this row is never closed/,
      line: 3,
    },
    {
      description: "non-UTF-8 byte",
      content: Buffer.concat([
        Buffer.from("service_name,case_record_type\nA,Request\nCaf"),
        Buffer.from([0xe9]),
        Buffer.from(",Request\n"),
      ]),
      message: /line 3: invalid UTF-8 byte sequence/,
      line: 3,
    },
    {
      description: "truncated UTF-8 sequence at the end",
      content: Buffer.concat([
        Buffer.from("service_name,case_record_type\nA,Request\nB,Req"),
        Buffer.from([0xe2, 0x98]),
      ]),
      message: /line 3: invalid UTF-8/,
      line: 3,
    },
    { description: "empty file", content: "", message: /the file is empty \(no header line\)/, line: 1 },
    {
      description: "header-only file",
      content: "service_name,case_record_type\r\n",
      message: /has a header but no data rows/,
      line: 2,
    },
    {
      description: "duplicate header column",
      content: "service_name,case_record_type,service_name\nA,B,C\n",
      message: /column "service_name" appears twice/,
      line: 1,
    },
  ];
  test.each(cases)("$description", async ({ content, message, line }) => {
    for (const chunk of [2, 1 << 16]) {
      const error = await expectReportsiteError(() => parse(content, chunk), { name: "SourceError", message });
      expect(error.message).toMatch(/^2019_jan_10_gid_requests\.csv: /);
      expect((error as unknown as { line?: number }).line).toBe(line);
    }
  });
});

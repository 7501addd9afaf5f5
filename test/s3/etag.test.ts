import { describe, expect, test } from "vitest";
import { md5FromEtag } from "../../src/s3/index.js";

const HEX = "0123456789abcdef0123456789abcdef";

describe("md5FromEtag: the MD5 a listing's ETag holds, or undefined when it is not one", () => {
  test.each([
    { description: "quoted single-part ETag -> its hex", etag: `"${HEX}"`, md5: HEX },
    { description: "unquoted -> the same", etag: HEX, md5: HEX },
    { description: "upper case -> lower case", etag: `"${HEX.toUpperCase()}"`, md5: HEX },
    { description: "multipart ETag (…-3) -> unknown", etag: `"${HEX}-3"`, md5: undefined },
    { description: "too short -> unknown", etag: `"${HEX.slice(1)}"`, md5: undefined },
    { description: "not hex -> unknown", etag: `"${HEX.slice(1)}g"`, md5: undefined },
    { description: "empty -> unknown", etag: '""', md5: undefined },
    { description: "no ETag -> unknown", etag: undefined, md5: undefined },
  ])("$description", ({ etag, md5 }) => {
    expect(md5FromEtag(etag)).toBe(md5);
  });
});

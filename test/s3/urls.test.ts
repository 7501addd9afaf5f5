import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { encodeKey, objectUrl, websiteRoot, websiteUrl } from "../../src/s3/index.js";
import { localPathFor, objectUrls } from "../../src/share/index.js";

describe("URLs of keys", () => {
  test("website endpoints: dash for the older regions, dot for the rest, path style on a custom server", () => {
    expect(websiteRoot({ region: "us-east-1" }, "gid-reports")).toBe(
      "http://gid-reports.s3-website-us-east-1.amazonaws.com/",
    );
    expect(websiteRoot({ region: "eu-west-1" }, "b")).toBe("http://b.s3-website-eu-west-1.amazonaws.com/");
    expect(websiteRoot({ region: "eu-central-1" }, "b")).toBe("http://b.s3-website.eu-central-1.amazonaws.com/");
    expect(websiteRoot({ region: "ap-south-1" }, "b")).toBe("http://b.s3-website.ap-south-1.amazonaws.com/");
    expect(
      websiteRoot(
        { region: "us-east-1", endpoint: "http://127.0.0.1:7480", websiteEndpoint: "http://127.0.0.1:7482/" },
        "b",
      ),
    ).toBe("http://127.0.0.1:7482/b/");
  });

  test("object URLs: virtual-host on AWS, path style on a custom endpoint; each segment encoded", () => {
    expect(objectUrl({ region: "us-west-2" }, "gid", "2019/jan/a b+c#d?e%f é.csv")).toBe(
      "https://gid.s3.us-west-2.amazonaws.com/2019/jan/a%20b%2Bc%23d%3Fe%25f%20%C3%A9.csv",
    );
    expect(objectUrl({ region: "us-east-1", endpoint: "http://127.0.0.1:7480/" }, "gid", "x/y.csv")).toBe(
      "http://127.0.0.1:7480/gid/x/y.csv",
    );
    expect(websiteUrl({ region: "us-east-1" }, "gid", "reports/2019/jan/final_report.html")).toBe(
      "http://gid.s3-website-us-east-1.amazonaws.com/reports/2019/jan/final_report.html",
    );
    // a dotted bucket name does not match the *.s3.REGION.amazonaws.com certificate: path style
    expect(objectUrl({ region: "eu-central-1" }, "reports.example.org", "a b.csv")).toBe(
      "https://s3.eu-central-1.amazonaws.com/reports.example.org/a%20b.csv",
    );
    expect(objectUrl({ region: "cn-north-1" }, "gid", "a.csv")).toBe(
      "https://gid.s3.cn-north-1.amazonaws.com.cn/a.csv",
    );
    expect(websiteRoot({ region: "cn-northwest-1" }, "gid")).toBe(
      "http://gid.s3-website.cn-northwest-1.amazonaws.com.cn/",
    );
  });

  test("url warns about keys with . or .. segments, which no URL can address reliably", () => {
    const target = { bucket: "gid", role: "site" as const };
    expect(objectUrls({ region: "us-east-1" }, target, "x/../y z.csv").warning).toMatch(/has a "\." or "\.\." segment/);
    expect(objectUrls({ region: "us-east-1" }, target, "x/..y/.z").warning).toBeUndefined();
  });

  test("download paths: a folder marker is refused; the root folder works as a target", () => {
    expect(() => localPathFor("/tmp/out", "folder/")).toThrow(/a key ending in "\/" is a folder marker, not a file/);
    expect(localPathFor("/", "a/b.csv")).toBe("/a/b.csv");
    expect(localPathFor("/tmp/out", "../../etc/passwd")).toBe("/tmp/out/etc/passwd");
  });

  test("property: encodeKey keeps the slashes, leaves nothing URL-special unencoded, and decodes back to the key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        (segments) => {
          // "." and ".." segments are collapsed by every URL parser; `url` warns about them (tested below)
          const key = segments
            .map((s) => s.replaceAll("/", ""))
            .map((s) => (s === "." || s === ".." ? `${s}x` : s))
            .join("/");
          const encoded = encodeKey(key);
          expect(encoded.split("/")).toHaveLength(key.split("/").length);
          expect(encoded).not.toMatch(/[ #?+&=;'()!*\u0080-\uffff]/u);
          expect(encoded).not.toMatch(/%(?![0-9A-F]{2})/);
          expect(encoded.split("/").map(decodeURIComponent).join("/")).toBe(key);
          expect(new URL(`http://h/${encoded}`).pathname).toBe(`/${encoded}`);
        },
      ),
    );
  });

  test("property: a downloaded key never lands outside the target folder", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("..", ".", "", "a", "b c", "/", "\\", "..\\..", "etc", "passwd"), {
          minLength: 1,
          maxLength: 8,
        }),
        (parts) => {
          const key = parts.join("/");
          let path: string;
          try {
            path = localPathFor("/tmp/target", key);
          } catch {
            return; // a key with no file name is refused, which is also safe
          }
          expect(path.startsWith("/tmp/target/")).toBe(true);
        },
      ),
    );
  });
});

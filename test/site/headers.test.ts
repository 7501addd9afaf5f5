import { describe, expect, test } from "vitest";
import { headersFor } from "../../src/site/headers.js";

describe("headersFor", () => {
  test.each([
    { key: "index.html", contentType: "text/html; charset=utf-8", cacheControl: "no-cache" },
    { key: "2019/jan/final_report.csv", contentType: "text/csv; charset=utf-8", cacheControl: "no-cache" },
    { key: "2019/jan/final_chart.html", contentType: "text/html; charset=utf-8", cacheControl: "no-cache" },
    { key: "assets/vega.min.js", contentType: "text/javascript; charset=utf-8", cacheControl: "public, max-age=3600" },
    { key: "assets/site.css", contentType: "text/css; charset=utf-8", cacheControl: "public, max-age=3600" },
    { key: "data/report.json", contentType: "application/json; charset=utf-8", cacheControl: "no-cache" },
    { key: "chart.svg", contentType: "image/svg+xml; charset=utf-8", cacheControl: "no-cache" },
    { key: "logo.PNG", contentType: "image/png", cacheControl: "no-cache" },
  ])("$key -> $contentType", ({ key, contentType, cacheControl }) => {
    expect(headersFor(key)).toEqual({ contentType, cacheControl, knownType: true });
  });

  test("an unknown extension is application/octet-stream and says so", () => {
    expect(headersFor("notes.unknownext")).toEqual({
      contentType: "application/octet-stream",
      cacheControl: "no-cache",
      knownType: false,
    });
    expect(headersFor("README").knownType).toBe(false);
  });
});

import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { expectReportsiteError } from "../support/errors.js";

describe("preview serves dist/ like S3 website hosting", () => {
  let preview: Preview;
  const files: Record<string, string> = {
    "index.html": "<h1>index</h1>",
    "error.html": "<h1>missing</h1>",
    "2019/jan/final_report.csv": "service_name,count\nA,1\n",
    "2019/jan/final_report.html": "<table></table>",
    "2019/feb/index.html": "<p>feb</p>",
    "assets/chart.js": "void 0;",
    "a b+c.html": "<p>space and plus</p>",
    "café.html": "<p>accent</p>",
    ".reportsite-build": "the build marker, which deploy never uploads",
    ".reportsite-theme.json": '{"note": "the theme record, which deploy never uploads"}',
  };

  beforeAll(async () => {
    const root = join(mkdtempSync(join(tmpdir(), "preview-")), "dist");
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), body);
    }
    writeFileSync(join(dirname(root), "secret.txt"), "outside the site");
    mkdirSync(join(dirname(root), "private"));
    writeFileSync(join(dirname(root), "private/raw.csv"), "raw data");
    // links that leave dist/ (to a file, and to a folder) are never followed
    symlinkSync(join(dirname(root), "secret.txt"), join(root, "p.html"));
    symlinkSync(join(dirname(root), "private"), join(root, "linked"));
    preview = await startPreview({ root, port: 0, logger: memoryLogger() });
  });
  afterAll(() => preview?.close());

  test.each([
    { path: "", status: 200, type: "text/html; charset=utf-8", body: files["index.html"] },
    {
      path: "2019/jan/final_report.csv",
      status: 200,
      type: "text/csv; charset=utf-8",
      body: files["2019/jan/final_report.csv"],
    },
    { path: "2019/feb/", status: 200, type: "text/html; charset=utf-8", body: files["2019/feb/index.html"] },
    { path: "a%20b%2Bc.html", status: 200, type: "text/html; charset=utf-8", body: files["a b+c.html"] },
    { path: "caf%C3%A9.html", status: 200, type: "text/html; charset=utf-8", body: files["café.html"] },
    { path: "2019/mar/final_report.html", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: "..%2Fsecret.txt", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: "%2E%2E/%2E%2E/etc/passwd", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: "p.html", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: "linked/raw.csv", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: ".reportsite-build", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
    { path: ".reportsite-theme.json", status: 404, type: "text/html; charset=utf-8", body: files["error.html"] },
  ])("GET /$path -> $status", async ({ path, status, type, body }) => {
    const response = await fetch(`${preview.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(type);
    expect(await response.text()).toBe(body);
  });

  test("a folder without its slash redirects, as on S3", async () => {
    const response = await fetch(`${preview.url}2019/feb`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/2019/feb/");
  });

  test("pages revalidate; other methods are refused", async () => {
    expect((await fetch(preview.url)).headers.get("cache-control")).toBe("no-cache");
    expect((await fetch(preview.url, { method: "POST" })).status).toBe(405);
    const head = await fetch(`${preview.url}2019/jan/final_report.csv`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(files["2019/jan/final_report.csv"]!)));
  });

  test("ETag: the MD5 of the bytes, as S3's; If-None-Match with it gives 304 without a body", async () => {
    const url = `${preview.url}2019/jan/final_report.csv`;
    const first = await fetch(url);
    const etag = `"${createHash("md5").update(files["2019/jan/final_report.csv"]!).digest("hex")}"`;
    expect(first.headers.get("etag")).toBe(etag);
    const again = await fetch(url, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await fetch(url, { headers: { "If-None-Match": '"0123"' } });
    expect(changed.status).toBe(200);
  });

  test("a missing dist/ is a clear error", async () => {
    await expectReportsiteError(() => startPreview({ root: "/nonexistent/dist", port: 0, logger: memoryLogger() }), {
      name: "ReportsiteError",
      message: /nothing to preview: \/nonexistent\/dist does not exist/,
    });
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeSite } from "../../src/site/write.js";
import { expectReportsiteError } from "../support/errors.js";

function fresh(): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), "write-"));
  return { root, dist: join(root, "dist") };
}

describe("writeSite", () => {
  test("replaces dist/ with exactly the new files and leaves no temp folders", async () => {
    const { root, dist } = fresh();
    mkdirSync(join(dist, "old"), { recursive: true });
    writeFileSync(join(dist, "old/stale.html"), "stale");
    await writeSite([{ path: "index.html", body: "new" }, { path: "2019/jan/a.csv", body: new Uint8Array([1, 2]) }], dist);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("new");
    expect([...readFileSync(join(dist, "2019/jan/a.csv"))]).toEqual([1, 2]);
    expect(existsSync(join(dist, "old"))).toBe(false);
    expect(readdirSync(root)).toEqual(["dist"]);
  });

  test.each(["../escape.html", "/etc/passwd", "a/../../escape.html"])("refuses a path outside the site: %s, and keeps the old dist/", async (path) => {
    const { root, dist } = fresh();
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "old");
    await expectReportsiteError(() => writeSite([{ path: "ok.html", body: "x" }, { path, body: "x" }], dist), { name: "SiteError", message: /outside the site folder/ });
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("old");
    expect(readdirSync(root)).toEqual(["dist"]);
  });

  test("refuses two files at one path", async () => {
    const { dist } = fresh();
    await expectReportsiteError(() => writeSite([{ path: "a.html", body: "1" }, { path: "a.html", body: "2" }], dist), { name: "SiteError", message: /two files of the site would be written to a\.html/ });
    expect(existsSync(dist)).toBe(false);
  });
});

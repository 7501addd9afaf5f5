import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  BUILD_MARKER,
  BUILT_THEME,
  pathWithin,
  readBuiltTheme,
  readOutputFolder,
  writeSite,
} from "../../src/site/index.js";
import { finishSwap } from "../../src/site/write.js";
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
    writeFileSync(join(dist, BUILD_MARKER), "");
    await writeSite(
      [
        { path: "index.html", body: "new" },
        { path: "2019/jan/a.csv", body: new Uint8Array([1, 2]) },
      ],
      dist,
    );
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("new");
    expect([...readFileSync(join(dist, "2019/jan/a.csv"))]).toEqual([1, 2]);
    expect(existsSync(join(dist, "old"))).toBe(false);
    expect(readdirSync(root)).toEqual(["dist"]);
    expect(existsSync(join(dist, BUILD_MARKER))).toBe(true);
    expect((await readOutputFolder(dist)).map((f) => f.key)).toEqual(["2019/jan/a.csv", "index.html"]);
  });

  test("refuses to replace a folder it did not build (e.g. --output src), and changes nothing in it", async () => {
    const { root } = fresh();
    const src = join(root, "src");
    mkdirSync(src);
    writeFileSync(join(src, "notes.txt"), "precious");
    await expectReportsiteError(() => writeSite([{ path: "index.html", body: "x" }], src), {
      name: "SiteError",
      message: /refusing to replace .*\/src: it holds files that reportsite did not build/,
    });
    expect(readdirSync(src)).toEqual(["notes.txt"]);
    expect(readdirSync(root)).toEqual(["src"]);
    writeFileSync(join(root, "file"), "x");
    await expectReportsiteError(() => writeSite([{ path: "index.html", body: "x" }], join(root, "file")), {
      name: "SiteError",
      message: /it is a file, not a folder/,
    });
  });

  test("a folder that already holds exactly these files is left as it is; any difference rewrites it", async () => {
    const { dist } = fresh();
    const files = [
      { path: "index.html", body: "same" },
      { path: "2019/jan/a.csv", body: new Uint8Array([1, 2]) },
    ];
    expect((await writeSite(files, dist)).written).toBe(true);
    const folder = statSync(dist).ino; // the swap replaces the folder itself
    expect((await writeSite(files, dist)).written).toBe(false);
    expect(statSync(dist).ino).toBe(folder);
    // one byte differs, a file is missing, a file is extra: each is written
    expect((await writeSite([files[0]!, { path: "2019/jan/a.csv", body: new Uint8Array([1, 3]) }], dist)).written).toBe(
      true,
    );
    expect([...readFileSync(join(dist, "2019/jan/a.csv"))]).toEqual([1, 3]);
    expect((await writeSite([files[0]!], dist)).written).toBe(true);
    expect(existsSync(join(dist, "2019/jan/a.csv"))).toBe(false);
    expect((await writeSite([...files, { path: "b.html", body: "new" }], dist)).written).toBe(true);
    expect(readFileSync(join(dist, "b.html"), "utf8")).toBe("new");
    // a file someone added to the folder is not part of the build: the folder is rewritten without it
    writeFileSync(join(dist, "stray.txt"), "x");
    expect((await writeSite([...files, { path: "b.html", body: "new" }], dist)).written).toBe(true);
    expect(existsSync(join(dist, "stray.txt"))).toBe(false);
  });

  test("each file comes back with the stamp it has on disk and the MD5 of its bytes, written or left as it was", async () => {
    const { dist } = fresh();
    const files = [
      { path: "index.html", body: "x" },
      { path: "2019/jan/a.csv", body: new Uint8Array([1, 2]) },
    ];
    const md5 = (bytes: string | Uint8Array) => createHash("md5").update(bytes).digest("hex");
    for (const expectWritten of [true, false]) {
      const site = await writeSite(files, dist);
      expect(site.written).toBe(expectWritten);
      expect(site.files.map((f) => [f.path, f.md5])).toEqual([
        ["2019/jan/a.csv", md5(new Uint8Array([1, 2]))],
        ["index.html", md5("x")],
      ]);
      for (const { path, ...recorded } of site.files) {
        const { size, mtimeMs, ctimeMs, ino } = statSync(join(dist, path));
        expect({ size, mtimeMs, ctimeMs, ino, md5: recorded.md5 }).toEqual(recorded);
      }
    }
  });

  test("the theme record is written beside the site, never listed as a site file, and read back", async () => {
    const { dist } = fresh();
    const files = [{ path: "index.html", body: "same" }];
    const built = { title: "311", theme: { lang: "en", logo: "assets/logo-1a2b3c4d.png", templates: [], pages: [] } };
    expect((await writeSite(files, dist, built)).written).toBe(true);
    expect(await readBuiltTheme(dist)).toEqual({ built });
    expect((await readOutputFolder(dist)).map((f) => f.key)).toEqual(["index.html"]);
    expect((await writeSite(files, dist, built)).written).toBe(false);
    // the same files in another look: the record is written again
    const other = { ...built, theme: { ...built.theme, accentColor: "#123456" } };
    expect((await writeSite(files, dist, other)).written).toBe(true);
    expect(await readBuiltTheme(dist)).toEqual({ built: other });
  });

  test("a damaged theme record is a problem to warn about, a missing one is none", async () => {
    const { dist } = fresh();
    await writeSite([{ path: "index.html", body: "x" }], dist);
    expect(await readBuiltTheme(dist)).toBeUndefined();
    writeFileSync(join(dist, BUILT_THEME), '{"format": 1, "title": "311", "theme": {"lang": 5}}');
    expect(await readBuiltTheme(dist)).toEqual({
      problem: expect.stringMatching(/\.reportsite-theme\.json is damaged/),
    });
  });

  test("an empty folder is fine to build into", async () => {
    const { dist } = fresh();
    mkdirSync(dist);
    await writeSite([{ path: "index.html", body: "x" }], dist);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("x");
  });

  test.each(["../escape.html", "/etc/passwd", "a/../../escape.html"])(
    "refuses a path outside the site: %s, and keeps the old dist/",
    async (path) => {
      const { root, dist } = fresh();
      mkdirSync(dist);
      writeFileSync(join(dist, "index.html"), "old");
      writeFileSync(join(dist, BUILD_MARKER), "");
      await expectReportsiteError(
        () =>
          writeSite(
            [
              { path: "ok.html", body: "x" },
              { path, body: "x" },
            ],
            dist,
          ),
        { name: "SiteError", message: /outside the output folder/ },
      );
      expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("old");
      expect(readdirSync(root)).toEqual(["dist"]);
    },
  );

  test("pathWithin: a sibling folder whose name starts with the root's (dist-x beside dist) is outside", async () => {
    const { dist } = fresh();
    expect(pathWithin(dist, "2019/jan/a.html")).toBe(join(dist, "2019", "jan", "a.html"));
    for (const path of ["../dist-x/page.html", "../dist/../dist-x/page.html", "../distx"])
      await expectReportsiteError(() => pathWithin(dist, path), {
        name: "SiteError",
        message: /outside the output folder/,
      });
  });

  test("refuses two files at one path", async () => {
    const { dist } = fresh();
    await expectReportsiteError(
      () =>
        writeSite(
          [
            { path: "a.html", body: "1" },
            { path: "a.html", body: "2" },
          ],
          dist,
        ),
      { name: "SiteError", message: /two files of the site would be written to a\.html/ },
    );
    expect(existsSync(dist)).toBe(false);
  });

  test("a swap cut off by Ctrl-C ends with one whole site: the previous one back, or the new one alone", () => {
    const { root, dist } = fresh();
    const old = join(root, ".dist-old-1");
    mkdirSync(old);
    writeFileSync(join(old, "index.html"), "previous");
    finishSwap(dist, old); // cut off after dist/ was moved aside, before the new one moved in
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("previous");
    expect(readdirSync(root)).toEqual(["dist"]);
    mkdirSync(old);
    writeFileSync(join(old, "index.html"), "stale");
    finishSwap(dist, old); // cut off while the previous site was being removed
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("previous");
    expect(readdirSync(root)).toEqual(["dist"]);
  });
});

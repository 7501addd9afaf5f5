import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import { TEMPLATE_NAMES } from "../../src/render/index.js";
import { readTheme } from "../../src/site/index.js";
import { expectReportsiteError } from "../support/errors.js";

/** A project folder with `files`, and its config with the given site keys. */
function project(files: Record<string, string>, site: Record<string, unknown>) {
  const root = mkdtempSync(join(tmpdir(), "theme-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const spec = { raw: { bucket: "raw-b" }, site: { bucket: "site-b", ...site } };
  return configFromSpec(spec, { file: join(root, "site-config.json"), baseDir: root });
}

describe("readTheme", () => {
  test("reads the logo under a name with its bytes' fingerprint, the pages in file-name order, and the overrides", async () => {
    const config = project(
      {
        "site/logo.png": "PNG-bytes",
        "site/pages/methodology.html": "<h1>Method</h1>",
        "site/pages/about.md": "# About",
        "site/pages/notes.txt": "ignored",
        "site/templates/error.eta": "<p>gone</p>",
      },
      { logo: "site/logo.png", pages: "site/pages", templates: "site/templates" },
    );
    const { theme, assets, fingerprint } = await readTheme(config, TEMPLATE_NAMES);
    expect(assets.map((a) => a.path)).toEqual([theme.logo]);
    expect(theme.logo).toMatch(/^assets\/logo-[0-9a-f]{8}\.png$/);
    expect(theme.favicon).toEqual({ path: theme.logo, type: "image/png" });
    expect(theme.pages.map((p) => [p.name, p.format])).toEqual([
      ["about", "markdown"],
      ["methodology", "html"],
    ]);
    expect(theme.templates.map((t) => t.name)).toEqual(["error"]);
    writeFileSync(join(config.file, "..", "site/logo.png"), "other PNG bytes");
    expect((await readTheme(config, TEMPLATE_NAMES)).fingerprint).not.toBe(fingerprint);
  });

  test.each([
    ["a missing logo", {}, { logo: "site/logo.png" }, /site\.logo: cannot read ".*logo\.png" \(ENOENT\)/],
    ["a logo that is no image", { "site/logo.pdf": "x" }, { logo: "site/logo.pdf" }, /must be an image file ending in/],
    [
      "an SVG with script",
      { "site/logo.svg": '<svg onload="alert(1)"></svg>' },
      { logo: "site/logo.svg" },
      /contains script/,
    ],
    [
      "a page named like the site's own",
      { "site/pages/trend.md": "# T" },
      { pages: "site/pages" },
      /trend\.md: a page is published as/,
    ],
    [
      "two pages with one name",
      { "site/pages/about.md": "# A", "site/pages/about.html": "<h1>A</h1>" },
      { pages: "site/pages" },
      /another page is also named "about"/,
    ],
    ["a missing pages folder", {}, { pages: "site/pages" }, /site\.pages: cannot read the folder/],
  ])("%s is a ConfigError naming the key and file", async (_what, files, site, message) => {
    await expectReportsiteError(() => readTheme(project(files, site), TEMPLATE_NAMES), {
      name: "ConfigError",
      message,
    });
  });

  test.each(["index", "Error", "trend", "summary"])(
    "a page named %s is refused: the stems of the site's fixed files are reserved",
    async (name) => {
      await expectReportsiteError(
        () => readTheme(project({ [`site/pages/${name}.md`]: "# P" }, { pages: "site/pages" }), TEMPLATE_NAMES),
        {
          name: "ConfigError",
          message: /so its name must be letters, digits, "-" or "_" and not index, error, trend, summary$/,
        },
      );
    },
  );
});

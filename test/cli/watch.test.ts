import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { watchedPaths, watchSite } from "../../src/cli/watch.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { startPreview } from "../../src/preview/index.js";
import { tempDir } from "../support/s3.js";

/** Resolves when `check` holds (polling), so the test waits for file events without a fixed sleep. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

test("preview --watch: a burst of template edits or a config edit rebuilds once each, then reloads", async () => {
  const dir = tempDir("watch-");
  mkdirSync(join(dir, "templates"));
  writeFileSync(join(dir, "site-config.json"), "{}");
  const calls: string[] = [];
  const stop = watchSite({
    files: [join(dir, "site-config.json")],
    folders: [join(dir, "templates")],
    logger: memoryLogger(),
    rebuild: async () => void calls.push("rebuild"),
    reload: () => void calls.push("reload"),
  });
  try {
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, "templates/report.eta"), `<p>${i}</p>`);
    await eventually(() => calls.length === 2);
    writeFileSync(join(dir, "site-config.json"), '{"site": {}}');
    await eventually(() => calls.length === 4);
    writeFileSync(join(dir, "unrelated.txt"), "x");
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toEqual(["rebuild", "reload", "rebuild", "reload"]);
  } finally {
    stop();
  }
});

test("with liveReload, pages carry the reload script and open pages hear reload()", async () => {
  const root = tempDir("live-");
  writeFileSync(join(root, "index.html"), "<h1>x</h1>");
  const preview = await startPreview({ root, port: 0, logger: memoryLogger(), liveReload: true });
  try {
    expect(await (await fetch(preview.url)).text()).toMatch(
      /^<h1>x<\/h1><script>new EventSource\("\/__reportsite\/reload"\)/,
    );
    const events = await fetch(`${preview.url}__reportsite/reload`);
    const reader = events.body!.getReader();
    await reader.read(); // ": connected"
    preview.reload();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe("data: reload\n\n");
    await reader.cancel();
  } finally {
    await preview.close();
  }
});

test("preview --watch: the logo (a file beside the config) and a pages folder rebuild too; a missing folder is a warning", async () => {
  const dir = tempDir("watch-brand-");
  mkdirSync(join(dir, "pages"));
  writeFileSync(join(dir, "site-config.json"), "{}");
  writeFileSync(join(dir, "logo.svg"), "<svg/>");
  const logger = memoryLogger();
  const calls: string[] = [];
  const stop = watchSite({
    files: [join(dir, "site-config.json"), join(dir, "logo.svg")],
    folders: [join(dir, "pages"), join(dir, "no-such-folder")],
    logger,
    rebuild: async () => void calls.push("rebuild"),
    reload: () => void calls.push("reload"),
  });
  try {
    expect(logger.warnings).toEqual([`cannot watch ${join(dir, "no-such-folder")} (ENOENT)`]);
    writeFileSync(join(dir, "logo.svg"), "<svg></svg>");
    await eventually(() => calls.length === 2);
    writeFileSync(join(dir, "pages/about.md"), "# About");
    await eventually(() => calls.length === 4);
  } finally {
    stop();
  }
});

test("watchedPaths: the config, the logo and favicon as files; the built-in templates, site.templates and site.pages as folders", () => {
  const site = { logo: "/p/logo.png", templates: "/p/templates", pages: "/p/pages" };
  const config = { file: "/p/site-config.json", site } as unknown as SiteConfig;
  expect(watchedPaths(config, "/pkg/templates")).toEqual({
    files: ["/p/site-config.json", "/p/logo.png"],
    folders: ["/pkg/templates", "/p/templates", "/p/pages"],
  });
});

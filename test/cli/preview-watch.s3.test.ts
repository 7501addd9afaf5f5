/** preview --watch as a user runs it: a real process, a real build first, then edits of the branding files. */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { TEMPLATES_DIR } from "../../src/render/index.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { previewUrl, runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));

/** A project whose config names a templates folder (report.eta overridden) and a pages folder, built once. */
async function builtProject(env: Record<string, string>): Promise<string> {
  const s3 = testServer();
  const dir = tempDir("cli-watch-");
  const raw = uniqueBucket("watch-raw");
  await createBucket(testClient(), raw, Object.fromEntries(generateMonth(2019, 1).map((day) => [day.key, day.body])));
  const config = {
    endpoint: s3.endpoint,
    websiteEndpoint: s3.websiteEndpoint,
    raw: { bucket: raw },
    site: { bucket: uniqueBucket("watch-site"), templates: "brand/templates", pages: "brand/pages" },
  };
  writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
  mkdirSync(join(dir, "brand/templates"), { recursive: true });
  mkdirSync(join(dir, "brand/pages"), { recursive: true });
  writeReportOverride(dir, "first wording");
  writeFileSync(join(dir, "brand/pages/about.md"), "# About: first wording\n");
  const build = await runCli(["build"], { cwd: dir, env });
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.exitCode).toBe(0);
  return dir;
}

/** The built-in report.eta with a marker paragraph, so the served page shows which override it was rendered from. */
function writeReportOverride(dir: string, marker: string): void {
  const builtIn = readFileSync(join(TEMPLATES_DIR, "report.eta"), "utf8");
  writeFileSync(join(dir, "brand/templates/report.eta"), `<p class="ours">${marker}</p>\n${builtIn}`);
}

/** The body of `url` once it matches `pattern` (polling, since the rebuild runs after a debounce). */
async function eventuallyServed(url: string, pattern: RegExp): Promise<string> {
  let text = "";
  for (let i = 0; i < 150 && !pattern.test(text); i++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await (await fetch(url)).text();
  }
  expect(text).toMatch(pattern);
  return text;
}

test("preview --watch re-renders when a site.templates override or a site.pages page is edited", async () => {
  const s3 = testServer();
  const env = {
    PATH: process.env.PATH ?? "",
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const dir = await builtProject(env);
  const child = spawn(process.execPath, [BIN, "preview", "--watch", "--port", "0"], { cwd: dir, env });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  try {
    const url = await previewUrl(child, () => stderr);
    // edits count once the watchers are up, which preview says after its URL
    const watching = /^watching .*brand[/\\]templates, .*brand[/\\]pages, .*site-config\.json$/m;
    for (let i = 0; i < 150 && !watching.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(watching);
    const report = `${url}2019/jan/final_report.html`;
    expect(await (await fetch(report)).text()).toContain('<p class="ours">first wording</p>');
    writeReportOverride(dir, "second wording");
    const edited = await eventuallyServed(report, /<p class="ours">second wording<\/p>/);
    expect(edited).not.toContain('<p class="ours">first wording</p>');
    expect(await (await fetch(`${url}about.html`)).text()).toContain("About: first wording");
    writeFileSync(join(dir, "brand/pages/about.md"), "# About: second wording\n");
    await eventuallyServed(`${url}about.html`, /About: second wording/);
    expect(stderr).not.toMatch(/rebuild failed|cannot watch/);
  } finally {
    child.kill("SIGINT");
  }
  await new Promise((resolve) => child.on("close", resolve));
}, 120_000);

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { previewUrl } from "../support/cli.js";
import { tempDir } from "../support/s3.js";

test("reportsite preview prints its URL and serves dist/ until stopped", async () => {
  const dir = tempDir("cli-preview-");
  writeFileSync(
    join(dir, "site-config.json"),
    JSON.stringify({ raw: { bucket: "raw-b" }, site: { bucket: "site-b" } }),
  );
  mkdirSync(join(dir, "dist"));
  writeFileSync(join(dir, "dist/index.html"), "<h1>reports</h1>");
  const bin = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));
  const child = spawn(process.execPath, [bin, "preview", "--port", "0"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "" },
  });
  try {
    const url = await previewUrl(child);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<h1>reports</h1>");
  } finally {
    child.kill("SIGINT");
  }
  const code = await new Promise((resolve) => child.on("close", (c, signal) => resolve(c ?? signal)));
  expect([130, "SIGINT"]).toContain(code);
});

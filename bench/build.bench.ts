// On-demand benchmark of `reportsite build` against a local S3 server: a year of generated daily
// exports, built with a few raw.concurrency values. Prints its figures; asserts nothing.
//   npm run bench            (BENCH_MONTHS=3 BENCH_ROWS=200 for other sizes)
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { buildSite } from "../src/build.ts";
import { configFromSpec } from "../src/config/index.ts";
import { silentLogger } from "../src/log.ts";
import { createS3Client } from "../src/s3/index.ts";
import { generateMonth } from "../scripts/sample/generate.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const ROWS = Number(process.env.BENCH_ROWS ?? 100);
const PORT = 7680;
const state = join(tmpdir(), `reportsite-bench-${PORT}`);
const scripts = new URL("../scripts/s3-local/", import.meta.url).pathname;

const exports = execFileSync("bash", [`${scripts}start-rgw.sh`, String(PORT), state], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
for (const [, name, value] of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name!] = value;
try {
  const base = {
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${PORT}`,
    raw: { bucket: "bench-raw" },
    site: { bucket: "bench-site" },
  };
  const client = createS3Client(configFromSpec(base));
  await client.send(new CreateBucketCommand({ Bucket: "bench-raw" }));
  const files = Array.from({ length: MONTHS }, (_, m) => generateMonth(2019, m + 1, { rows: [ROWS, ROWS] })).flat();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < files.length) {
        const f = files[next++]!;
        await client.send(new PutObjectCommand({ Bucket: "bench-raw", Key: f.key, Body: Buffer.from(f.body) }));
      }
    }),
  );
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.body), 0);
  console.log(`data: ${files.length} objects, ${files.length * ROWS} rows, ${(bytes / 1e6).toFixed(1)} MB`);
  for (const concurrency of [1, 4, 16, 32]) {
    const config = configFromSpec(
      { ...base, raw: { ...base.raw, concurrency }, output: "dist" },
      { baseDir: mkdtempSync(join(tmpdir(), "bench-")) },
    );
    const started = performance.now();
    const report = await buildSite(config, { logger: silentLogger, client });
    const seconds = (performance.now() - started) / 1000;
    const rows = report.months.reduce((n, m) => n + m.rows, 0);
    console.log(
      `raw.concurrency=${String(concurrency).padStart(2)}: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s, ${(files.length / seconds).toFixed(0)} objects/s`,
    );
  }
} finally {
  execFileSync("bash", [`${scripts}stop-rgw.sh`, state, "--kill", "--purge"], { stdio: "ignore" });
}

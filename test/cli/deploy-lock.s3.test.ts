// Two deploys at once (a laptop during a CI run) cannot break the live site.
// Each deploy is the real CLI in its own process against the real server; the live index.html is
// checked link by link after each round.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import { acquireDeployLock } from "../../src/deploy/lock.js";
import type { LockHolder } from "../../src/deploy/lock-state.js";
import { memoryLogger } from "../../src/log.js";
import { BUILD_MARKER } from "../../src/site/index.js";
import { DEPLOY_LOCK_KEY } from "../../src/site-names.js";
import { runCli, type CliResult } from "../support/cli.js";
import { tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";
import { indexLinks } from "../deploy/support.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));

/** A project folder with a site-config.json for `site`; returns it with the env the CLI needs. */
function project(site: string) {
  const s3 = testServer();
  const dir = tempDir("cli-lock-");
  writeFileSync(
    join(dir, "site-config.json"),
    JSON.stringify({
      endpoint: s3.endpoint,
      websiteEndpoint: s3.websiteEndpoint,
      raw: { bucket: "lock-raw-unused" },
      site: { bucket: site },
    }),
  );
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
  return { dir, env, url: `${s3.websiteEndpoint}/${site}/` };
}

/** A built site in `dir/name` with `count` reports under `name/`, so two such sites share no report key. */
function writeSite(dir: string, name: string, count: number, size = 200): string {
  const dist = join(dir, name);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, BUILD_MARKER), "");
  writeFileSync(join(dist, "index.html"), "local");
  writeFileSync(join(dist, "error.html"), "<title>404</title>");
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dist, name, String(i)), { recursive: true });
    writeFileSync(
      join(dist, name, String(i), "final_report.csv"),
      `service_name,count\n${name},${i}\n${"x,1\n".repeat(size)}`,
    );
  }
  return name;
}

/** Every link of the live index.html, each checked to answer 200 to an anonymous visitor. */
async function expectLiveIndexConsistent(url: string): Promise<string[]> {
  const links = indexLinks(await (await fetch(url)).text());
  for (const link of links) expect((await fetch(new URL(link, url))).status, link).toBe(200);
  return links;
}

async function readLock(site: string): Promise<LockHolder> {
  const object = await testClient().send(new GetObjectCommand({ Bucket: site, Key: DEPLOY_LOCK_KEY }));
  return JSON.parse(await object.Body!.transformToString()) as LockHolder;
}

function hasLock(site: string): Promise<boolean> {
  return testClient()
    .send(new HeadObjectCommand({ Bucket: site, Key: DEPLOY_LOCK_KEY }))
    .then(
      () => true,
      () => false,
    );
}

/** Spawn `reportsite deploy` and send `signal` once it has uploaded `after` files. */
function deployInterrupted(
  cwd: string,
  env: Record<string, string>,
  signal: NodeJS.Signals,
  after: number,
): Promise<CliResult & { pid: number }> {
  const child = spawn(process.execPath, [BIN, "deploy"], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: cwd, AWS_EC2_METADATA_DISABLED: "true", ...env },
  });
  let stdout = "";
  let stderr = "";
  let sent = false;
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    if (!sent && (stdout.match(/^uploaded /gm)?.length ?? 0) >= after) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise((resolve) =>
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr, pid: child.pid! })),
  );
}

describe("two deploys at once", () => {
  // Before the lock, 2 of 4 such rounds left an index whose 40 links were all deleted by the other deploy (403).
  test("with different content and --delete, 6 rounds: the loser stops naming the winner or waits for it, and the live index never links a missing object", async () => {
    const site = uniqueBucket("lock-two");
    const { dir, env, url } = project(site);
    const sites = [writeSite(dir, "laptop", 40), writeSite(dir, "ci", 40)];
    let waited = 0;
    let refused = 0;
    let relisted = 0;
    for (let round = 0; round < 6; round++) {
      const [first, second] = round % 2 ? [sites[1]!, sites[0]!] : [sites[0]!, sites[1]!];
      // rounds 0-3 as people type it; rounds 4-5 with --wait-for-lock, as a CI job would
      const flags = ["--delete", "--max-deletes", "1000", ...(round >= 4 ? ["--wait-for-lock", "60"] : [])];
      const results = await Promise.all([
        runCli(["deploy", "--output", first, ...flags], { cwd: dir, env }),
        runCli(["deploy", "--output", second, ...flags], { cwd: dir, env }),
      ]);
      for (const result of results) {
        if (result.exitCode === 0) continue;
        expect(result.exitCode, result.stderr).toBe(1);
        expect(result.stderr).toMatch(/^another deploy holds the deploy lock of \S+: deploy on \S+ \(pid \d+\)/);
        expect(result.stdout).not.toMatch(/^(uploaded|deleted) /m);
      }
      expect(results.some((r) => r.exitCode === 0)).toBe(true);
      if (round >= 4) expect(results.map((r) => r.exitCode)).toEqual([0, 0]);
      refused += results.filter((r) => r.exitCode === 1).length;
      waited += results.filter((r) => /^waiting for the deploy lock, held by deploy on /m.test(r.stdout)).length;
      // the lock is taken at the first write: a deploy that listed before the other wrote, and asks for
      // the lock after the other released it, plans again from a listing made under the lock
      relisted += results.filter((r) => /listing it again under the deploy lock/.test(r.stdout)).length;
      // whoever ran last, the site is exactly its content, and every link of the index exists
      const links = await expectLiveIndexConsistent(url);
      expect(links).toHaveLength(40);
      expect(new Set(links.map((l) => l.split("/")[0])).size).toBe(1);
      expect((await readLock(site)).state).toBe("released");
    }
    // both started together each round: at least once the second found the lock held, or found that
    // the other deploy had written since its listing
    expect(refused + waited + relisted).toBeGreaterThan(0);
  }, 240_000);

  test("while another deploy holds the lock, deploy exits 1 naming it and how to proceed, and uploads nothing; --dry-run still runs", async () => {
    const site = uniqueBucket("lock-busy");
    const { dir, env } = project(site);
    writeSite(dir, "dist", 3);
    expect((await runCli(["deploy", "--dry-run"], { cwd: dir, env })).exitCode).toBe(0);
    expect((await runCli(["deploy"], { cwd: dir, env })).exitCode).toBe(0);
    const client = testClient();
    const holder = await acquireDeployLock(
      { client, bucket: site, prefix: "" },
      { command: "publish", waitSeconds: 0, breakLock: false, ttlSeconds: 300, logger: memoryLogger() },
    );
    writeSite(dir, "dist", 5);
    const refused = await runCli(["deploy"], { cwd: dir, env });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^another deploy holds the deploy lock of ${site}: publish on \\S+ \\(pid ${process.pid}\\), started \\S+ \\(\\d+s ago\\); the lock expires at \\S+ unless renewed\\. Nothing was uploaded or deleted: the live site is as the other deploy leaves it\\.\\n` +
          "hint: Wait for that deploy to finish and run again, or pass --wait-for-lock 600 to wait for it \\(up to 600 seconds\\)\\.\\n" +
          "If it is dead \\(a killed job, a closed laptop\\), its lock expires by itself at \\S+; --break-lock takes it over now\\.",
      ),
    );
    expect(refused.stdout).not.toMatch(/^uploaded/m);
    // a dry run takes no lock: it plans against the bucket as it is
    const dry = await runCli(["deploy", "--dry-run"], { cwd: dir, env });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(/Plan: 2 to upload/);
    expect((await readLock(site)).token).toBe(holder.holder.token);

    const broke = await runCli(["deploy", "--break-lock"], { cwd: dir, env });
    expect(broke.exitCode).toBe(0);
    expect(broke.stderr).toMatch(/^warning: took over the deploy lock \(broken\) of publish on \S+ \(pid \d+\)/m);
    await expect(holder.check()).rejects.toThrow(/is not known to be this deploy's/);
    await holder.release();
    expect((await readLock(site)).state).toBe("released");
  });

  test("--dry-run on a fresh bucket takes no lock", async () => {
    const site = uniqueBucket("lock-dry");
    const { dir, env } = project(site);
    writeSite(dir, "dist", 2);
    expect((await runCli(["deploy"], { cwd: dir, env })).exitCode).toBe(0);
    const before = await readLock(site);
    writeSite(dir, "dist", 4);
    expect((await runCli(["deploy", "--dry-run"], { cwd: dir, env })).exitCode).toBe(0);
    expect(await readLock(site)).toEqual(before);
    const fresh = uniqueBucket("lock-dry2");
    const other = project(fresh);
    writeSite(other.dir, "dist", 2);
    expect((await runCli(["deploy", "--dry-run"], { cwd: other.dir, env: other.env })).exitCode).toBe(0);
    expect(await hasLock(fresh)).toBe(false);
  });
});

describe("a deploy that dies holding the lock", () => {
  test("kill -9 mid-deploy leaves a lock that blocks others until it expires, then a deploy takes it over and finishes", async () => {
    const site = uniqueBucket("lock-kill");
    const { dir, env, url } = project(site);
    // long enough that the blocked deploy below, started on a busy machine, still finds the lock held
    const short = { ...env, REPORTSITE_TEST_DEPLOY_LOCK_TTL_SECONDS: "20" };
    writeSite(dir, "dist", 2);
    expect((await runCli(["deploy"], { cwd: dir, env: short })).exitCode).toBe(0);
    writeSite(dir, "dist", 120, 20_000);
    const killed = await deployInterrupted(dir, short, "SIGKILL", 10);
    expect(killed.exitCode).toBe(null);
    const left = await readLock(site);
    expect(left).toMatchObject({ state: "held", pid: killed.pid, command: "deploy" });
    expect(await expectLiveIndexConsistent(url)).toHaveLength(2);

    const blocked = await runCli(["deploy"], { cwd: dir, env: short });
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stderr).toMatch(
      new RegExp(`another deploy holds the deploy lock of ${site}: deploy on \\S+ \\(pid ${killed.pid}\\)`),
    );

    const waited = await runCli(["deploy", "--wait-for-lock", "60"], { cwd: dir, env: short });
    expect(waited.exitCode, waited.stderr).toBe(0);
    expect(waited.stderr).toMatch(
      new RegExp(`^warning: took over the deploy lock \\(expired\\) of deploy on \\S+ \\(pid ${killed.pid}\\)`, "m"),
    );
    expect(await expectLiveIndexConsistent(url)).toHaveLength(120);
    expect((await readLock(site)).state).toBe("released");
  }, 120_000);

  test("Ctrl-C mid-deploy releases the lock: the next deploy need not wait", async () => {
    const site = uniqueBucket("lock-int");
    const { dir, env, url } = project(site);
    writeSite(dir, "dist", 2);
    expect((await runCli(["deploy"], { cwd: dir, env })).exitCode).toBe(0);
    writeSite(dir, "dist", 120, 20_000);
    const interrupted = await deployInterrupted(dir, env, "SIGINT", 10);
    expect(interrupted.exitCode).toBe(130);
    expect(await readLock(site)).toMatchObject({ state: "released", pid: interrupted.pid });
    const rerun = await runCli(["deploy"], { cwd: dir, env });
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(await expectLiveIndexConsistent(url)).toHaveLength(120);
  });
});

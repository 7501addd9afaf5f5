// Downloads that do not finish leave no file: a connection cut mid-body, and Ctrl-C in the CLI.
// A small proxy in front of the real server slows or cuts the response body; requests and
// signatures pass through unchanged (the Host header is forwarded as signed).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createS3Client } from "../../src/s3/index.js";
import { downloadObject } from "../../src/share/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));
const BIG = randomBytes(4 * 1024 * 1024);

/** A proxy to the test server that sends response bodies in 16 kB pieces, `delayMs` apart, and stops after `cutAfter` bytes. */
function startProxy(options: { delayMs: number; cutAfter?: number }): Promise<Server> {
  const upstream = new URL(testServer().endpoint);
  const server = createServer((req, res) => {
    const relay = async (answer: IncomingMessage) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      let sent = 0;
      for await (const chunk of answer as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; at += 16_384) {
          const piece = chunk.subarray(at, at + 16_384);
          if (options.cutAfter !== undefined && sent + piece.length > options.cutAfter) return res.destroy();
          res.write(piece);
          sent += piece.length;
          await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        }
      }
      res.end();
    };
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => void relay(answer),
    );
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("downloads that do not finish", () => {
  const bucket = uniqueBucket("dl-cut");
  const servers: Server[] = [];

  beforeAll(() => createBucket(testClient(), bucket, { "big.bin": BIG }));
  afterAll(() => servers.forEach((s) => s.close()));

  async function proxyEndpoint(options: { delayMs: number; cutAfter?: number }): Promise<string> {
    const server = await startProxy(options);
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test("a connection cut mid-body is an error, and no file or temp file is left", async () => {
    const s3 = testServer();
    const client = createS3Client({
      region: s3.region,
      endpoint: await proxyEndpoint({ delayMs: 0, cutAfter: 1024 * 1024 }),
      forcePathStyle: true,
    });
    const dir = tempDir("dl-cut-");
    await expectReportsiteError(() => downloadObject(client, bucket, "big.bin", { to: dir }), {
      name: "ShareError",
      message: /download of s3:\/\/dl-cut-[0-9a-f]+\/big\.bin .*nothing was written/,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test("Ctrl-C during `reportsite download`: exit 130 and no partial file", async () => {
    const s3 = testServer();
    const dir = tempDir("dl-int-");
    writeFileSync(
      join(dir, "site-config.json"),
      JSON.stringify({
        endpoint: await proxyEndpoint({ delayMs: 20 }),
        raw: { bucket },
        site: { bucket: "dl-int-site-unused" },
      }),
    );
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
    };
    const child = spawn(process.execPath, [BIN, "download", "big.bin", "--to", "out/"], { cwd: dir, env });
    const partSeen = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        const files = existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")) : [];
        if (files.some((f) => f.endsWith(".part"))) {
          clearInterval(poll);
          resolve(true);
        }
      }, 25);
      child.on("close", () => {
        clearInterval(poll);
        resolve(false);
      });
    });
    expect(partSeen, "the download should still be running when interrupted").toBe(true);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  }, 30_000);
});

// a symlink inside the target folder sent the file elsewhere while the message named the folder
describe("downloads never write through a symlink that leaves the target folder", () => {
  const bucket = uniqueBucket("dl-link");
  beforeAll(() => createBucket(testClient(), bucket, { "2019/jan.csv": "a\n1\n" }));

  test("a linked subfolder pointing outside is refused, and nothing is written there", async () => {
    const folder = tempDir("dl-link-");
    const elsewhere = tempDir("dl-elsewhere-");
    symlinkSync(elsewhere, join(folder, "2019"));
    await expectReportsiteError(() => downloadObject(testClient(), bucket, "2019/jan.csv", { to: folder }), {
      name: "ShareError",
      message: new RegExp(
        `^refusing to download to .*: 2019 is a symbolic link to ${elsewhere}, outside .*nothing was written$`,
      ),
    });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  test("a link that stays inside the folder is followed", async () => {
    const folder = tempDir("dl-link-in-");
    mkdirSync(join(folder, "data"));
    symlinkSync(join(folder, "data"), join(folder, "2019"));
    const result = await downloadObject(testClient(), bucket, "2019/jan.csv", { to: `${folder}/` });
    expect(readFileSync(join(folder, "data", "jan.csv"), "utf8")).toBe("a\n1\n");
    expect(result.path).toBe(join(folder, "2019", "jan.csv"));
  });

  test("the folder itself may be a link: the user chose it", async () => {
    const real = tempDir("dl-real-");
    const link = join(tempDir("dl-linkdir-"), "out");
    symlinkSync(real, link);
    await downloadObject(testClient(), bucket, "2019/jan.csv", { to: link });
    expect(readFileSync(join(real, "2019", "jan.csv"), "utf8")).toBe("a\n1\n");
  });
});

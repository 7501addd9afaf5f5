// The fault proxy itself, against the real server: each kind of fault reaches a real SDK client as
// the failure it imitates, the filter and the budget hold, and the same seed gives the same faults.
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, test } from "vitest";
import { createS3Client } from "../../src/s3/index.js";
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from "./fault-proxy.js";
import { createBucket, testClient, testServer, uniqueBucket } from "./s3.js";

const LINES = Array.from({ length: 200 }, (_, i) => `row ${i},value ${i}\n`).join("");
const proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function setUp(options: Omit<FaultProxyOptions, "target">): Promise<{
  proxy: FaultProxy;
  client: S3Client;
  bucket: string;
}> {
  const bucket = uniqueBucket("proxy");
  await createBucket(testClient(), bucket, { "data.csv": LINES });
  const proxy = await startFaultProxy({ target: testServer().endpoint, ...options });
  proxies.push(proxy);
  const client = createS3Client({
    region: testServer().region,
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    s3: { maxAttempts: 1, requestTimeoutMs: 400, connectTimeoutMs: 1000 },
  });
  return { proxy, client, bucket };
}

const get = (client: S3Client, bucket: string, key = "data.csv") =>
  client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then(async (r) => ({
    body: await r.Body!.transformToString(),
    length: r.ContentLength,
  }));

describe("fault proxy", () => {
  test("without faults it passes requests through, signatures intact", async () => {
    const { client, bucket, proxy } = await setUp({ rate: 0 });
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "up.txt", Body: Buffer.from("hello") }));
    expect((await get(client, bucket, "up.txt")).body).toBe("hello");
    expect((await get(client, bucket)).body).toBe(LINES);
    expect(proxy.faults).toEqual([]);
    expect(proxy.requests()).toBe(3);
  });

  test.each([
    ["slowdown", { name: "SlowDown", $metadata: { httpStatusCode: 503 } }],
    ["internal", { name: "InternalError", $metadata: { httpStatusCode: 500 } }],
  ] as const)("%s answers with the S3 error", async (kind, expected) => {
    const { client, bucket } = await setUp({ script: [kind] });
    await expect(get(client, bucket)).rejects.toMatchObject(expected);
    expect((await get(client, bucket)).body).toBe(LINES);
  });

  test("reset cuts the connection (ECONNRESET)", async () => {
    const { client, bucket } = await setUp({ script: ["reset"] });
    await expect(get(client, bucket)).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  test("stall answers nothing until the client gives up", async () => {
    const { client, bucket } = await setUp({ script: ["stall"] });
    const started = Date.now();
    await expect(get(client, bucket)).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  test("stall-body sends half the body and then nothing", async () => {
    const { client, bucket } = await setUp({ script: ["stall-body"] });
    await expect(get(client, bucket)).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("truncate cuts the body mid-way, after a full Content-Length", async () => {
    const { client, bucket } = await setUp({ script: ["truncate"] });
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "data.csv" }));
    expect(response.ContentLength).toBe(LINES.length);
    await expect(response.Body!.transformToString()).rejects.toThrow();
  });

  test("truncate-lines sends whole lines with a matching, shorter Content-Length", async () => {
    const { client, bucket } = await setUp({ script: ["truncate-lines"] });
    const { body, length } = await get(client, bucket);
    expect(body.length).toBeLessThan(LINES.length);
    expect(body.length).toBeGreaterThan(0);
    expect(length).toBe(body.length);
    expect(body.endsWith("\n")).toBe(true);
    expect(LINES.startsWith(body)).toBe(true);
  });

  test("only faults the requests the filter names", async () => {
    const { client, bucket, proxy } = await setUp({ rate: 1, kinds: ["internal"], only: { method: "PUT" } });
    expect((await get(client, bucket)).body).toBe(LINES);
    await expect(
      client.send(new PutObjectCommand({ Bucket: bucket, Key: "x", Body: Buffer.from("x") })),
    ).rejects.toMatchObject({ name: "InternalError" });
    expect(proxy.faults).toEqual([{ kind: "internal", method: "PUT", path: expect.stringMatching(/\/x(\?|$)/) }]);
  });

  test("stops after maxFaults", async () => {
    const { client, bucket, proxy } = await setUp({ rate: 1, kinds: ["slowdown"], maxFaults: 2 });
    await expect(get(client, bucket)).rejects.toMatchObject({ name: "SlowDown" });
    await expect(get(client, bucket)).rejects.toMatchObject({ name: "SlowDown" });
    expect((await get(client, bucket)).body).toBe(LINES);
    expect(proxy.faults).toHaveLength(2);
  });

  test("the same seed gives the same faults; another seed other ones", async () => {
    const run = async (seed: number) => {
      const { client, bucket, proxy } = await setUp({ rate: 0.5, seed, kinds: ["slowdown", "internal"] });
      for (let i = 0; i < 12; i++) await get(client, bucket).catch(() => undefined);
      return proxy.faults.map((f) => f.kind).join(",");
    };
    const first = await run(42);
    expect(first).not.toBe("");
    expect(await run(42)).toBe(first);
    expect(await run(43)).not.toBe(first);
  });
});

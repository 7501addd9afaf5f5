/**
 * vitest globalSetup: one throw-away Ceph RGW on 127.0.0.1 for the whole run (scripts/s3-local).
 * Tests read its address with `inject("s3")` (see test/support/s3.ts). A free port is picked so
 * several runs (a developer's and a helper's) can share the machine. Set REPORTSITE_TEST_S3_ENDPOINT
 * (plus _WEBSITE) to reuse a running server instead.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

export interface S3ServerInfo {
  endpoint: string;
  websiteEndpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    s3: S3ServerInfo;
  }
}

const SCRIPTS = fileURLToPath(new URL("../../scripts/s3-local/", import.meta.url));

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function pickPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 900) * 10;
    const free = await Promise.all([port, port + 1, port + 2].map(portFree));
    if (free.every(Boolean)) return port;
  }
  throw new Error("no free port triple for the test S3 server");
}

export default async function setup(project: TestProject): Promise<() => void> {
  const credentials = {
    accessKeyId: "TESTACCESSKEY0000001",
    secretAccessKey: "testsecretkey00000000000000000000000001",
    region: "us-east-1",
  };
  if (process.env.REPORTSITE_TEST_S3_ENDPOINT) {
    project.provide("s3", {
      ...credentials,
      endpoint: process.env.REPORTSITE_TEST_S3_ENDPOINT,
      websiteEndpoint: process.env.REPORTSITE_TEST_S3_WEBSITE ?? "",
    });
    return () => {};
  }
  const port = await pickPort();
  const state = `/tmp/reportsite-test-rgw-${port}`;
  const exports = execFileSync("bash", [`${SCRIPTS}start-rgw.sh`, String(port), state], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const env = Object.fromEntries([...exports.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  project.provide("s3", { ...credentials, endpoint: env.S3_ENDPOINT!, websiteEndpoint: env.S3_WEBSITE_ENDPOINT! });
  return () => {
    execFileSync("bash", [`${SCRIPTS}stop-rgw.sh`, state, "--kill", "--purge"], { stdio: "ignore" });
  };
}

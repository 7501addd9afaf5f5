/**
 * The generated IAM policy against what build and deploy really send: every S3 request of a build and
 * of deploys that upload (in one piece and in parts), re-check and delete is recorded through SDK
 * middleware on a real client, mapped to its IAM action, and must be allowed by iam-policy.json; and
 * every permission the policy grants must be used by some request (least privilege).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { ensureSiteBucket } from "../../src/deploy/index.js";
import { COMMAND_ACTIONS, planIamPolicy, type PolicyDocument } from "../../src/init/index.js";
import { memoryLogger } from "../../src/log.js";
import { deploy, writeDist } from "../deploy/support.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

interface Sent {
  command: string;
  input: { Bucket?: string; Key?: string; Prefix?: string; ACL?: string };
}

function recordingClient(sent: Sent[]): S3Client {
  const client = testClient();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName!, input: args.input as Sent["input"] });
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  return client;
}

/** The IAM actions and resource of one request (a canned ACL on an upload also needs s3:PutObjectAcl). */
function needs({ command, input }: Sent): { action: string; resource: string; prefix?: string }[] {
  const entry = COMMAND_ACTIONS[command];
  if (!entry) throw new Error(`${command} is not in COMMAND_ACTIONS: add the IAM action it needs`);
  const resource = entry.on === "bucket" ? `arn:aws:s3:::${input.Bucket}` : `arn:aws:s3:::${input.Bucket}/${input.Key}`;
  const wants = [{ action: entry.action, resource, prefix: input.Prefix }];
  if (input.ACL) wants.push({ action: "s3:PutObjectAcl", resource, prefix: undefined });
  return wants;
}

/** A small evaluator for the policies init writes: Allow statements, `*` in resources, StringLike on s3:prefix. */
function allowedBy(
  policy: PolicyDocument,
  want: { action: string; resource: string; prefix?: string },
): string | undefined {
  const glob = (pattern: string, value: string) =>
    new RegExp(
      `^${pattern
        .split("*")
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    ).test(value);
  return policy.Statement.find((s) => {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    const prefixes = (s.Condition as { StringLike?: Record<string, string[]> } | undefined)?.StringLike?.["s3:prefix"];
    return (
      actions.includes(want.action) &&
      glob(s.Resource!, want.resource) &&
      (!prefixes || prefixes.some((p) => glob(p, want.prefix ?? "")))
    );
  })?.Sid;
}

describe("iam-policy.json allows exactly what build and deploy send", () => {
  test("every request of a build and of deploys is allowed; every permission is used", async () => {
    const raw = uniqueBucket("iam-raw");
    const site = uniqueBucket("iam-site");
    await createBucket(testClient(), raw, {
      "exports/2019_feb_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
      "elsewhere/not-ours.csv": "x\n1\n",
    });
    const config = testConfig({ raw: { bucket: raw, prefix: "exports/" }, site: { bucket: site, prefix: "reports/" } });
    // the one-off setup is done by an administrator (README), not by the workflow's role
    await ensureSiteBucket(testClient(), config, { logger: memoryLogger() });

    const sent: Sent[] = [];
    const client = recordingClient(sent);
    await buildSite(config, { months: [{ year: 2019, month: 2 }], logger: memoryLogger(), client });
    await deploy(config, {}, { client });
    // a large file goes up in parts; a removed one is deleted
    writeDist(config, { "index.html": "x", "big.bin": Buffer.alloc(6 * 1024 * 1024, 1), "gone.html": "g" });
    await deploy(config, {}, { client, multipartThreshold: 5 * 1024 * 1024 });
    rmSync(join(config.output, "gone.html"));
    await deploy(config, { delete: true }, { client });

    // these deploys delete (--delete), so the policy must allow it: planIamPolicy's `deletes`
    const policy = planIamPolicy({ raw: config.raw, site: config.site, deletes: true });
    const commands = new Set(sent.map((s) => s.command));
    expect(commands).toContain("CreateMultipartUploadCommand");
    expect(commands).toContain("DeleteObjectCommand");
    const denied = sent.flatMap((s) =>
      needs(s)
        .filter((w) => !allowedBy(policy, w))
        .map((w) => `${s.command}: ${w.action} on ${w.resource}`),
    );
    expect(denied).toEqual([]);

    const used = new Set(sent.flatMap((s) => needs(s).map((w) => w.action)));
    // AbortMultipartUpload is needed only when an upload in parts fails (lib-storage aborts it)
    const granted = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect([...new Set(granted)].filter((a) => !used.has(a) && a !== "s3:AbortMultipartUpload")).toEqual([]);
  });

  test("nothing outside the raw prefix can be read, and policy mode grants no ACL writes", () => {
    const target = {
      raw: { bucket: "r", prefix: "exports/" },
      site: { bucket: "s", prefix: "", publicAccess: "policy" as const },
    };
    const policy = planIamPolicy(target);
    expect(
      allowedBy(policy, { action: "s3:GetObject", resource: "arn:aws:s3:::r/exports/2019_jan_01.csv" }),
    ).toBeDefined();
    expect(allowedBy(policy, { action: "s3:GetObject", resource: "arn:aws:s3:::r/secret.csv" })).toBeUndefined();
    expect(
      allowedBy(policy, { action: "s3:ListBucket", resource: "arn:aws:s3:::r", prefix: "other/" }),
    ).toBeUndefined();
    expect(allowedBy(policy, { action: "s3:PutObject", resource: "arn:aws:s3:::r/exports/x.csv" })).toBeUndefined();
    expect(allowedBy(policy, { action: "s3:PutObjectAcl", resource: "arn:aws:s3:::s/index.html" })).toBeUndefined();
    expect(allowedBy(policy, { action: "s3:PutObject", resource: "arn:aws:s3:::s/index.html" })).toBeDefined();
  });

  test("a workflow that does not delete gets no DeleteObject; one that does gets it on the site prefix only", () => {
    const target = {
      raw: { bucket: "r", prefix: "" },
      site: { bucket: "s", prefix: "reports/", publicAccess: "auto" as const },
    };
    const del = (resource: string) => ({ action: "s3:DeleteObject", resource });
    expect(allowedBy(planIamPolicy(target), del("arn:aws:s3:::s/reports/old.html"))).toBeUndefined();
    const deleting = planIamPolicy({ ...target, deletes: true });
    expect(allowedBy(deleting, del("arn:aws:s3:::s/reports/old.html"))).toBeDefined();
    expect(allowedBy(deleting, del("arn:aws:s3:::r/2019_jan_01_gid_requests.csv"))).toBeUndefined();
    expect(allowedBy(deleting, del("arn:aws:s3:::s/other/x.html"))).toBeUndefined();
  });
});

import { UsageError } from "../../errors.js";
import type { ObjectAccess } from "../../share/index.js";
import { defineCommand } from "../command.js";
import { shellQuote } from "../shell-quote.js";

export default defineCommand({
  takesArguments: true,
  usage: "reportsite acl <key> [public-read|private] [--bucket raw|site|NAME] [--force]",
  flags: {
    "bucket raw|site|NAME": "the config's raw or site bucket, or a bucket name (default site)",
    force: "allow public-read on the raw bucket",
    json: "print the object's access as JSON",
  },
  options: { bucket: { type: "string" }, force: { type: "boolean" } },
  async run(values, positionals, ctx) {
    const [key, acl, ...rest] = positionals;
    if (!key || rest.length)
      throw new UsageError(`expected a key and optionally public-read or private\nUsage: ${this.usage}`);
    if (acl !== undefined && acl !== "public-read" && acl !== "private")
      throw new UsageError(`"${acl}" is not a canned ACL this command sets; use public-read or private`);
    const config = await ctx.loadConfig();
    const { createS3Client } = await import("../../s3/index.js");
    const { readObjectAcl, resolveBucket, setObjectAcl } = await import("../../share/index.js");
    const client = createS3Client(config);
    const bucketName = values.bucket ?? "site";
    const target = resolveBucket(config, bucketName);
    if (acl) {
      const { warning } = await setObjectAcl(client, target, key, acl, { force: values.force === true });
      const configFlag = ctx.configPath ? ` --config ${shellQuote(ctx.configPath)}` : "";
      if (warning)
        ctx.logger.warn(
          `${warning}; undo with: reportsite acl ${shellQuote(key)} ${acl === "private" ? "public-read" : "private"} --bucket ${shellQuote(bucketName)}${configFlag}`,
        );
    }
    const access = await readObjectAcl(client, target, key);
    if (ctx.json) return ctx.print(JSON.stringify({ bucket: target.bucket, key, ...access }, null, 2));
    ctx.print(`s3://${target.bucket}/${key}: ${describeAccess(access)}`);
    ctx.print(`owner: ${access.owner}`);
    for (const grant of access.grants) ctx.print(`grant: ${grant}`);
    for (const note of access.notes) ctx.print(`note: ${note}`);
  },
});

function describeAccess(access: ObjectAccess): string {
  if (access.publicRead) return `public (anyone can read it, by ${access.publicVia.join(" and by ")})`;
  if (access.anyAwsAccount) return "readable by any AWS account (an AuthenticatedUsers grant), though not anonymously";
  return "private (only the owner and the grants below)";
}

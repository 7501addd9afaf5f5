import { formatSize } from "../../units.js";
import { defineCommand, onlyKey } from "../command.js";

export default defineCommand({
  takesArguments: true,
  usage: "reportsite download <key> [--to PATH] [--bucket raw|site|NAME]",
  flags: {
    "to PATH":
      "a folder (existing, or ending in /: the key's path is kept below it) or a file path; default: the key's path below .",
    "bucket raw|site|NAME": "the config's raw or site bucket, or a bucket name (default raw)",
  },
  interrupted: "no partial file was left; run download again.",
  options: { to: { type: "string" }, bucket: { type: "string" } },
  async run(values, positionals, ctx) {
    const key = onlyKey(positionals, this.usage);
    const config = await ctx.loadConfig();
    const { createS3Client } = await import("../../s3/index.js");
    const { downloadObject, resolveBucket } = await import("../../share/index.js");
    const target = resolveBucket(config, values.bucket ?? "raw");
    const result = await downloadObject(createS3Client(config), target.bucket, key, {
      to: values.to,
    });
    if (ctx.json) return ctx.print(JSON.stringify(result, null, 2));
    ctx.print(`Downloaded s3://${target.bucket}/${key} to ${result.path} (${formatSize(result.bytes)})`);
  },
});

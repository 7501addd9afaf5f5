import { defineCommand } from "../command.js";

export default defineCommand({
  usage: "reportsite setup [--dry-run]",
  flags: { "dry-run": "say what would change and change nothing" },
  options: { "dry-run": { type: "boolean" } },
  async run(values, _positionals, ctx) {
    const config = await ctx.loadConfig();
    const { ensureSiteBucket } = await import("../../deploy/index.js");
    const { createS3Client, siteUrl } = await import("../../s3/index.js");
    const dryRun = values["dry-run"] === true;
    const state = await ensureSiteBucket(createS3Client(config), config, { dryRun, logger: ctx.logger });
    for (const change of state.changes) ctx.logger.info(`${dryRun ? "would " : ""}${change}`);
    const url = siteUrl(config);
    if (ctx.json) return ctx.print(JSON.stringify({ ...state, url }, null, 2));
    ctx.print(
      `${state.changes.length ? "" : "Nothing to change: "}s3://${config.site.bucket} is a public website (${state.access === "acl" ? "public-read ACL on each object" : "bucket policy"}): ${url}`,
    );
  },
});

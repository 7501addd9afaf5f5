import { BUILD_OPTIONS, buildReported, monthsOf } from "../build-step.js";
import { defineCommand } from "../command.js";
import { CDN_FLAGS, DEPLOY_OPTIONS, deployFlagsOf, deployReported, LOCK_FLAGS } from "../deploy-step.js";

export default defineCommand({
  usage:
    "reportsite publish [--month 2019-01|previous|current]... [--require-complete] [--skip-bad-files] [--delete [--max-deletes N]] [--wait-for-lock SECONDS] [--break-lock] [--distribution-id ID] [--wait [--wait-timeout SECONDS]] [--output DIR] [--json]",
  flags: {
    "month YYYY-MM":
      "read only this month from S3 (repeatable; `previous`, `current`, or a range `2019-01..2019-06`); the other months come from the cache or the previous output",
    "require-complete":
      "fail (exit 1) before deploying when a month built now (not one reused from the cache) has days without a raw file that raw.acceptedGaps does not accept: the live site stays as it was",
    "skip-bad-files": "publish a month without the files that fail to parse, listing them as a warning",
    delete: "delete published files that the build did not write (only inside site.prefix)",
    "max-deletes N": "refuse to delete more than N files (default 100)",
    ...LOCK_FLAGS,
    ...CDN_FLAGS,
    "output DIR": "build into and deploy DIR instead of the config's output",
    json: "print the build report and the deploy result as one JSON object",
  },
  interrupted:
    "during the build, the output folder was left as it was; during the deploy, the live site is consistent (index.html is replaced last). Run publish again to finish.",
  options: {
    ...BUILD_OPTIONS,
    ...DEPLOY_OPTIONS,
    output: { type: "string" },
  },
  async run(values, _positionals, ctx) {
    const deployFlags = deployFlagsOf(values, "publish");
    const months = await monthsOf(values.month);
    const config = await ctx.loadConfig({ output: values.output });
    const { createS3Client } = await import("../../s3/index.js");
    const client = createS3Client(config);
    // the site bucket is asked for its state while the build runs: read-only, and used only if it succeeds
    const { askSiteBucket } = await import("../../deploy/index.js");
    const ahead = askSiteBucket(config, client);
    const build = await buildReported(config, ctx, {
      months,
      skipBadFiles: values["skip-bad-files"] === true,
      force: false,
      requireComplete: values["require-complete"] === true,
      client,
    });
    const deploy = await deployReported(config, ctx, deployFlags, { client, ahead });
    if (ctx.json) {
      const { url, setup, plan, report, invalidation } = deploy;
      ctx.print(JSON.stringify({ build, deploy: { url, setup, plan, report, invalidation } }, null, 2));
    }
  },
});

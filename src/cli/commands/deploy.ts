import { defineCommand } from "../command.js";
import { CDN_FLAGS, DEPLOY_OPTIONS, deployFlagsOf, deployReported, LOCK_FLAGS } from "../deploy-step.js";

export default defineCommand({
  usage:
    "reportsite deploy [--dry-run] [--delete [--max-deletes N] [--force]] [--verify-access] [--wait-for-lock SECONDS] [--break-lock] [--distribution-id ID] [--wait [--wait-timeout SECONDS]] [--output DIR] [--json]",
  flags: {
    "dry-run":
      "print the plan (every upload and delete with its reason, and the paths it would invalidate) and change nothing",
    delete: "delete published files that dist/ does not have (only inside site.prefix)",
    "max-deletes N": "refuse to delete more than N files (default 100)",
    force: "delete even when more than --max-deletes files are stale",
    "verify-access": "check each published file's ACL (one request per file) and re-publish those no longer public",
    ...LOCK_FLAGS,
    ...CDN_FLAGS,
    "output DIR": "deploy DIR instead of the config's output",
    json: "print the deploy report as JSON",
  },
  interrupted:
    "the live site is consistent (index.html is replaced only after every upload, and links only to files that exist); run deploy again to finish.",
  options: {
    ...DEPLOY_OPTIONS,
    "dry-run": { type: "boolean" },
    force: { type: "boolean" },
    "verify-access": { type: "boolean" },
    output: { type: "string" },
  },
  async run(values, _positionals, ctx) {
    const flags = deployFlagsOf(values, "deploy");
    const config = await ctx.loadConfig({ output: values.output });
    const result = await deployReported(config, ctx, {
      dryRun: values["dry-run"] === true,
      force: values.force === true,
      verifyAccess: values["verify-access"] === true,
      ...flags,
    });
    if (ctx.json)
      ctx.print(
        JSON.stringify(
          {
            url: result.url,
            setup: result.setup,
            plan: result.plan,
            report: result.report,
            invalidation: result.invalidation,
          },
          null,
          2,
        ),
      );
  },
});

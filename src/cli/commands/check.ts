import { appendFile } from "node:fs/promises";
import { SiteCheckError } from "../../errors.js";
import { defineCommand } from "../command.js";

export default defineCommand({
  usage: "reportsite check [--url URL] [--json]",
  flags: {
    "url URL": "the address to check (default: site.url, else the site bucket's website endpoint)",
    json: "print {url, checks} as JSON",
  },
  options: { url: { type: "string" } },
  async run(values, _positionals, ctx) {
    const config = await ctx.loadConfig();
    const { createS3Client } = await import("../../s3/index.js");
    const { checkSite, failedChecks, formatCheckMarkdown, formatCheckTable } =
      await import("../../site-check/index.js");
    const client = createS3Client(config);
    const report = await checkSite(config, { client }, values.url).finally(() => client.destroy());
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) await appendFile(summary, formatCheckMarkdown(report));
    if (ctx.json) ctx.print(JSON.stringify(report, null, 2));
    else for (const line of formatCheckTable(report)) ctx.print(line);
    const failed = failedChecks(report);
    if (failed.length)
      throw new SiteCheckError(
        `${failed.length} of ${report.checks.length} checks of ${report.url} failed: ${failed.map((c) => c.check).join(", ")}`,
        {
          hint: "The table above gives each failed check's address and answer. A page answering 403 is not public (deploy --verify-access publishes it again); a wrong Content-Type is fixed by a deploy; a raw file that answers 200 is public: make it private at once (reportsite acl KEY private --bucket raw).",
        },
      );
  },
});

import { ReportsiteError, UsageError } from "../../errors.js";
import { defineCommand, onlyKey } from "../command.js";

export default defineCommand({
  takesArguments: true,
  usage: "reportsite share <key> [--bucket raw|site|NAME] [--expires 1h]",
  flags: {
    "bucket raw|site|NAME": "the config's raw or site bucket, or a bucket name (default raw)",
    "expires DURATION": "how long the URL works: 90s, 15m, 1h, 7d at most (default 1h)",
    json: "print {url, expiresAt, warning} as JSON",
  },
  options: { bucket: { type: "string" }, expires: { type: "string" } },
  async run(values, positionals, ctx) {
    const key = onlyKey(positionals, this.usage);
    const { parseExpiry, presignUrl, resolveBucket } = await import("../../share/index.js");
    const expiresIn = asUsage(() => parseExpiry(values.expires ?? "1h"));
    const config = await ctx.loadConfig();
    const { createS3Client } = await import("../../s3/index.js");
    const target = resolveBucket(config, values.bucket ?? "raw");
    const link = await presignUrl(createS3Client(config), target.bucket, key, expiresIn);
    if (link.warning) ctx.logger.warn(link.warning);
    if (ctx.json) return ctx.print(JSON.stringify(link, null, 2));
    ctx.print(link.url);
    ctx.note(`valid until ${link.expiresAt.toISOString()}`);
    if (target.role === "site") {
      // a file of the site is normally public: its lasting address is the better link to hand out
      const { objectUrls } = await import("../../share/index.js");
      const urls = objectUrls(config, target, key);
      const lasting = urls.publicUrl ?? urls.websiteUrl;
      if (lasting) ctx.note(`a published file of the site is public at ${lasting} (no expiry)`);
    }
  },
});

/** A bad flag value is a usage error (exit code 2), like every other bad flag. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ReportsiteError)) throw error;
    throw new UsageError(error.message, error.hint ? { hint: error.hint } : {});
  }
}

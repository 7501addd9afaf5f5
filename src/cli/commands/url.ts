import { defineCommand, onlyKey } from "../command.js";

export default defineCommand({
  takesArguments: true,
  usage: "reportsite url <key> [--bucket raw|site|NAME]",
  flags: {
    "bucket raw|site|NAME": "the config's raw or site bucket, or a bucket name (default site)",
    json: "print the URLs as JSON",
  },
  options: { bucket: { type: "string" } },
  async run(values, positionals, ctx) {
    const key = onlyKey(positionals, this.usage);
    const config = await ctx.loadConfig();
    const { objectUrls, resolveBucket } = await import("../../share/index.js");
    const urls = objectUrls(config, resolveBucket(config, values.bucket ?? "site"), key);
    if (urls.warning) ctx.logger.warn(urls.warning);
    if (ctx.json) return ctx.print(JSON.stringify(urls, null, 2));
    ctx.print(`object:  ${urls.objectUrl}`);
    if (urls.websiteUrl) ctx.print(`website: ${urls.websiteUrl}`);
    if (urls.publicUrl) ctx.print(`public:  ${urls.publicUrl}`);
  },
});

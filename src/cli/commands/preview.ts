import { UsageError } from "../../errors.js";
import { defineCommand } from "../command.js";

export default defineCommand({
  usage: "reportsite preview [--port 4321] [--output DIR] [--watch]",
  flags: {
    "port N": "port on 127.0.0.1 (default 4321; 0 for any free port)",
    "output DIR": "serve DIR instead of the config's output",
    watch:
      "re-render the pages when a template (built-in or site.templates), a page of site.pages, the logo, the favicon or site-config.json changes, and reload the browser",
  },
  options: { port: { type: "string" }, output: { type: "string" }, watch: { type: "boolean" } },
  async run(values, _positionals, ctx) {
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
      throw new UsageError(`--port ${values.port}: expected a port number`);
    const overrides = { output: values.output };
    const config = await ctx.loadConfig(overrides);
    const { startPreview } = await import("../../preview/index.js");
    const preview = await startPreview({ root: config.output, port, logger: ctx.logger, liveReload: !!values.watch });
    ctx.print(`Previewing ${config.output} at ${preview.url} (Ctrl-C to stop)`);
    if (values.watch) {
      const { watchedPaths, watchSite, watchBuildOptions } = await import("../watch.js");
      const { TEMPLATES_DIR } = await import("../../render/template-names.js");
      const { buildSite } = await import("../../build/index.js");
      const paths = watchedPaths(config, TEMPLATES_DIR);
      watchSite({
        ...paths,
        logger: ctx.logger,
        rebuild: async () => void (await buildSite(await ctx.loadConfig(overrides), watchBuildOptions(ctx.logger))),
        reload: () => preview.reload(),
      });
      ctx.note(`watching ${[...paths.folders, ...paths.files].join(", ")}`);
    }
    await new Promise(() => {}); // serve until interrupted; main.ts handles SIGINT
  },
});

import { UsageError } from "../../errors.js";
import { PREVIEW_PORT_DEFAULT, startPreview } from "../../preview/index.js";
import { defineCommand } from "../command.js";
export default defineCommand({
    summary: "serve dist/ locally the way S3 website hosting would",
    usage: "reportsite preview [--port 4321] [--output DIR]",
    flags: {
        "port N": `port on 127.0.0.1 (default ${PREVIEW_PORT_DEFAULT}; 0 for any free port)`,
        "output DIR": "serve DIR instead of the config's output",
    },
    options: { port: { type: "string" }, output: { type: "string" } },
    async run(values, _positionals, ctx) {
        const port = values.port === undefined ? undefined : Number(values.port);
        if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
            throw new UsageError(`--port ${values.port}: expected a port number`);
        const config = await ctx.loadConfig({ output: values.output });
        const preview = await startPreview({ root: config.output, port, logger: ctx.logger });
        ctx.print(`Previewing ${config.output} at ${preview.url} (Ctrl-C to stop)`);
        await new Promise(() => { }); // serve until interrupted; main.ts handles SIGINT
    },
});

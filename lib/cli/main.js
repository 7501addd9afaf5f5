#!/usr/bin/env node
/** reportsite's command line: argv -> command. The only place that prints errors and sets the exit code. */
// The SDK warns on every run that releases after Jan 2027 need Node 22; the pinned SDK works on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { parseArgs } from "node:util";
import { ReportsiteError, UsageError } from "../errors.js";
import { formatCommandHelp, parseCommandArgs } from "./command.js";
import { cliLogger } from "./output.js";
const COMMANDS = {
    build: () => import("./commands/build.js"),
    deploy: () => import("./commands/deploy.js"),
    setup: () => import("./commands/setup.js"),
    preview: () => import("./commands/preview.js"),
    share: () => import("./commands/share.js"),
    acl: () => import("./commands/acl.js"),
    url: () => import("./commands/url.js"),
    download: () => import("./commands/download.js"),
};
const SUMMARIES = {
    build: "read the raw CSVs from S3 and build every month's report into dist/",
    deploy: "sync dist/ to the website bucket (only what changed, index last) and print the URL",
    setup: "create and configure the website bucket (website hosting, public read)",
    preview: "serve dist/ locally the way S3 website hosting would",
    share: "print a presigned URL for a private object",
    acl: "show who can read an object, or set its canned ACL (public-read | private)",
    url: "print the public object URL and website URL of a key",
    download: "download a private object to a local file",
};
const VERSION = "0.1.0";
function mainHelp() {
    const width = Math.max(...Object.keys(SUMMARIES).map((c) => c.length)) + 2;
    return [
        "reportsite: monthly report websites from raw CSV exports in S3",
        "",
        "Usage: reportsite <command> [flags]",
        "",
        "Commands:",
        ...Object.entries(SUMMARIES).map(([name, text]) => `  ${name.padEnd(width)}${text}`),
        "",
        "Global flags:",
        "  --config PATH   site-config.json to use (default ./site-config.json)",
        "  --json          print the result as JSON on stdout (progress goes to stderr)",
        "  --debug         print stack traces of errors",
        "  --help, -h      this help; `reportsite <command> --help` for a command's flags",
        "  --version       print the version",
    ].join("\n");
}
const GLOBAL_OPTIONS = {
    config: { type: "string" },
    json: { type: "boolean" },
    debug: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
};
/** Run the CLI with argv (without node and script); returns the exit code. */
export async function main(argv) {
    const debug = argv.includes("--debug");
    try {
        return await dispatch(argv);
    }
    catch (error) {
        printError(error, debug);
        return error instanceof ReportsiteError ? error.exitCode : 1;
    }
}
async function dispatch(argv) {
    const { tokens } = parseArgs({
        args: argv,
        options: GLOBAL_OPTIONS,
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const first = tokens.find((t) => t.kind === "positional");
    const name = first?.kind === "positional" ? first.value : undefined;
    const before = first ? argv.slice(0, first.index) : argv;
    const rest = first ? [...before, ...argv.slice(first.index + 1)] : [];
    if (!name) {
        if (before.includes("--version"))
            return printed(VERSION);
        if (before.includes("--help") || before.includes("-h") || before.length === 0)
            return printed(mainHelp());
        throw new UsageError("no command given");
    }
    const load = COMMANDS[name];
    if (!load)
        throw new UsageError(`unknown command "${name}"`);
    const command = (await load()).default;
    const withGlobals = { ...command, options: { ...command.options, ...GLOBAL_OPTIONS } };
    const { values, positionals } = parseCommandArgs(withGlobals, rest);
    if (values.help)
        return printed(formatCommandHelp(name, command));
    const json = values.json === true;
    interruptedNote = command.interrupted;
    await command.run(values, positionals, {
        logger: cliLogger({ json }),
        print: (line) => console.log(line),
        note: (line) => console.error(line),
        configPath: typeof values.config === "string" ? values.config : undefined,
        json,
    });
    return 0;
}
/** Print text to stdout and succeed. */
function printed(text) {
    console.log(text);
    return 0;
}
function printError(error, debug) {
    if (!(error instanceof ReportsiteError)) {
        console.error(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
        console.error(debug && error instanceof Error ? error.stack : "Run with --debug for the stack trace.");
        return;
    }
    console.error(error.message);
    if (error.hint)
        console.error(`hint: ${error.hint}`);
    let cause = error.cause;
    for (let n = 1; cause && n <= 5; n++, cause = cause.cause) {
        const text = cause instanceof Error ? `${cause.name}: ${cause.message || "(no message)"}` : String(cause);
        if (debug || cause instanceof ReportsiteError)
            console.error(`  ${n}. ${text}`);
        if (debug && cause instanceof Error && cause.stack)
            console.error(cause.stack);
    }
    if (debug && error.stack)
        console.error(error.stack);
}
/** The running command's note on what an interruption leaves behind. */
let interruptedNote;
const SIGNALS = { SIGINT: 2, SIGTERM: 15 };
for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
        console.error(`\ninterrupted (${signal})${interruptedNote ? `: ${interruptedNote}` : ""}`);
        process.exit(128 + number);
    });
}
process.exitCode = await main(process.argv.slice(2));

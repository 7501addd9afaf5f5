/** The shape every CLI command module has; main.ts lazy-loads them so `--help` never loads Vega or the SDK. */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
/** Parse a command's argv; unknown flags and bad values are UsageErrors (exit code 2). */
export function parseCommandArgs(command, argv) {
    try {
        const { values, positionals } = parseArgs({
            args: argv,
            options: command.options,
            allowPositionals: true,
            strict: true,
        });
        return { values: values, positionals };
    }
    catch (error) {
        throw new UsageError(`${error.message.replace(/\. To specify a positional argument.*$/s, "")}\nUsage: ${command.usage}`);
    }
}
/** The text `reportsite <command> --help` prints. */
export function formatCommandHelp(name, command) {
    const width = Math.max(0, ...Object.keys(command.flags).map((f) => f.length)) + 4;
    const flags = Object.entries(command.flags).map(([flag, text]) => `  --${flag.padEnd(width)}${text}`);
    return [
        `reportsite ${name}: ${command.summary}`,
        "",
        `Usage: ${command.usage}`,
        "",
        "Flags:",
        ...flags,
        `  --${"config PATH".padEnd(width)}site-config.json to use (default ./site-config.json)`,
    ].join("\n");
}
/** Define a command with typed options (identity; keeps each command file short). */
export function defineCommand(command) {
    return command;
}

/** The shape every CLI command module has; main.ts lazy-loads them so `--help` never loads Vega or the SDK. */
import { type ParseArgsConfig } from "node:util";
import type { Logger } from "../log.js";
/** What a command gets from main: where to print and the global flags. */
export interface CommandContext {
    logger: Logger;
    /** Print a result line to stdout (the URL, the summary, --json output). */
    print(line: string): void;
    /** A line for the person at the terminal, on stderr, so `$(reportsite share KEY)` captures only the result. */
    note(line: string): void;
    /** --config PATH, when given */
    configPath?: string;
    json: boolean;
}
type Options = NonNullable<ParseArgsConfig["options"]>;
/** A command: its flags table and what it does with the parsed values. */
export interface Command<O extends Options = Options> {
    summary: string;
    /** e.g. `reportsite share <key> [--bucket raw|site|NAME] [--expires 1h]` */
    usage: string;
    /** Flag descriptions for --help, keyed like `options`. */
    flags: Record<string, string>;
    options: O;
    /** What Ctrl-C leaves behind, printed after "interrupted" (e.g. the state of the live site). */
    interrupted?: string;
    run(values: Record<string, string | boolean | undefined>, positionals: string[], ctx: CommandContext): Promise<void>;
}
/** Parse a command's argv; unknown flags and bad values are UsageErrors (exit code 2). */
export declare function parseCommandArgs(command: Command, argv: string[]): {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
};
/** The text `reportsite <command> --help` prints. */
export declare function formatCommandHelp(name: string, command: Command): string;
/** Define a command with typed options (identity; keeps each command file short). */
export declare function defineCommand<O extends Options>(command: Command<O>): Command<O>;
export {};

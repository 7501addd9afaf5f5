/** The shape every CLI command module has; main.ts lazy-loads them so `--help` never loads Vega or the SDK. */
import { type ParseArgsConfig } from "node:util";
import type { ConfigOverrides, SiteConfig } from "../config/index.js";
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
    /**
     * Load site-config.json with the global flags (--region, --endpoint-url) and `overrides` over it.
     * Reads the file before loading the validator, so a missing config is reported at once.
     */
    loadConfig(overrides?: ConfigOverrides): Promise<SiteConfig>;
}
/** Flags every command takes; main.ts reads them. */
export declare const GLOBAL_OPTIONS: {
    readonly config: {
        readonly type: "string";
    };
    readonly json: {
        readonly type: "boolean";
    };
    readonly quiet: {
        readonly type: "boolean";
        readonly short: "q";
    };
    readonly verbose: {
        readonly type: "boolean";
    };
    readonly profile: {
        readonly type: "string";
    };
    readonly region: {
        readonly type: "string";
    };
    readonly "endpoint-url": {
        readonly type: "string";
    };
    readonly debug: {
        readonly type: "boolean";
    };
    readonly help: {
        readonly type: "boolean";
        readonly short: "h";
    };
    readonly version: {
        readonly type: "boolean";
        readonly short: "v";
    };
};
/** Help lines of the global flags, keyed like a command's `flags`. */
export declare const GLOBAL_FLAGS: Record<string, string>;
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
/** The text `reportsite <command> --help` prints: the command's flags, then the global ones, in aligned columns. */
export declare function formatCommandHelp(name: string, command: Command): string;
/** `  --flag ARG    what it does`, with one description column for all rows. */
export declare function formatFlags(flags: Record<string, string>): string[];
/** Define a command with typed options (identity; keeps each command file short). */
export declare function defineCommand<O extends Options>(command: Command<O>): Command<O>;
export {};

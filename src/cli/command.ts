/** The shape every CLI command module has; main.ts lazy-loads them so `--help` never loads Vega or the SDK. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ConfigOverrides, SiteConfig } from "../config/index.js";
import { UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import { closestName } from "./suggest.js";

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
export const GLOBAL_OPTIONS = {
  config: { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean" },
  profile: { type: "string" },
  region: { type: "string" },
  "endpoint-url": { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Help lines of the global flags, keyed like a command's `flags`. */
export const GLOBAL_FLAGS: Record<string, string> = {
  "config PATH": "site-config.json to use (default ./site-config.json)",
  json: "print the result (or the error) as JSON on stdout; progress goes to stderr",
  "quiet, -q": "print only warnings, errors and the result",
  verbose: "print every step (each raw file read, with rows and time; each raw key the key pattern ignores)",
  "profile NAME": "AWS profile to use (as AWS_PROFILE; credentials never go in the config)",
  "region REGION": "AWS region, over the config's region",
  "endpoint-url URL": "S3 endpoint, over the config's endpoint (e.g. http://127.0.0.1:7480)",
  debug: "print stack traces of errors",
  "help, -h": "this help",
  "version, -v": "print the version",
};

/** A command's flags table, as node:util parseArgs takes it. */
export type Options = NonNullable<ParseArgsConfig["options"]>;

/** The parsed values of an options table, typed per flag: string, boolean, or string[] for `multiple`. */
export type OptionValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>["values"];

/** What a command's run gets: its own flags and the global ones (main.ts parses both). */
export type CommandValues<O extends Options> = OptionValues<O & typeof GLOBAL_OPTIONS>;

/** A command: its flags table and what it does with the parsed values (its summary is in the command table, commands.ts). */
export interface Command<O extends Options = Options> {
  /** e.g. `reportsite share <key> [--bucket raw|site|NAME] [--expires 1h]` */
  usage: string;
  /** Flag descriptions for --help, keyed like `options`. */
  flags: Record<string, string>;
  options: O;
  /** It takes words after its name (an object key); commands without refuse any (exit 2) instead of ignoring them. */
  takesArguments?: boolean;
  /** What Ctrl-C leaves behind, printed after "interrupted" (e.g. the state of the live site). */
  interrupted?: string;
  run(values: CommandValues<O>, positionals: string[], ctx: CommandContext): Promise<void>;
}

/** Parse a command's argv; unknown flags and bad values are UsageErrors (exit code 2). */
export function parseCommandArgs<O extends Options>(
  command: Pick<Command<O>, "options" | "usage">,
  argv: string[],
): { values: OptionValues<O>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    const flag = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const suggestion = flag && closestName(flag, Object.keys(command.options));
    throw new UsageError(`${message}${suggestion ? `; did you mean --${suggestion}?` : ""}\nUsage: ${command.usage}`);
  }
}

/** The one positional argument, the key. */
export function onlyKey(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected one object key\nUsage: ${usage}`);
  return positionals[0];
}

/** `  --flag ARG    what it does`, with one description column for all rows. */
export function formatFlags(flags: Record<string, string>): string[] {
  const width = Math.max(0, ...Object.keys(flags).map((f) => f.length)) + 2;
  return Object.entries(flags).map(([flag, text]) => `  --${flag.padEnd(width)}${text}`);
}

/** Define a command with typed options (identity; keeps each command file short). */
export function defineCommand<O extends Options>(command: Command<O>): Command<O> {
  return command;
}

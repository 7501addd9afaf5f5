#!/usr/bin/env node
/** reportsite's command line: argv -> command. The only place that prints errors and sets the exit code. */
// The SDK warns on every run that releases after Jan 2027 need Node 22; the pinned SDK works on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { parseArgs } from "node:util";
import { InterruptedError, ReportsiteError, UsageError } from "../errors.js";
import { runInterruptCleanups } from "../exit-hooks.js";
import { GLOBAL_OPTIONS, parseCommandArgs, type Command, type CommandContext, type OptionValues } from "./command.js";
import { commandHelp, COMMAND_NAMES, loadCommand, mainHelp, VERSION } from "./commands.js";
import { formatError, printError } from "./errors.js";
import { cliLogger } from "./output.js";
import { closestName } from "./suggest.js";

/** Run the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    return reportFailure(error);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const { tokens } = parseArgs({
    args: argv,
    options: GLOBAL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === "positional");
  let name = first?.kind === "positional" ? first.value : undefined;
  const before = first ? argv.slice(0, first.index) : argv;
  let rest = first ? [...before, ...argv.slice(first.index + 1)] : [];
  if (!name) {
    refuseUnknownOptions(tokens);
    if (before.some((a) => a === "--version" || a === "-v")) return printed(VERSION, "version");
    if (before.some((a) => a === "--help" || a === "-h") || before.length === 0) return printed(mainHelp());
    throw new UsageError(`no command given; the commands are ${COMMAND_NAMES.join(", ")}`);
  }
  if (name === "help") {
    // `reportsite help build` is `reportsite build --help`; `help help` is the main help
    const topic = rest.find((a) => !a.startsWith("-"));
    if (!topic || topic === "help") return printed(mainHelp());
    [name, rest] = [topic, ["--help"]];
  }
  const command = await commandNamed(name);
  const { values, positionals } = parseCommandArgs(
    { ...command, options: { ...command.options, ...GLOBAL_OPTIONS } },
    rest,
  );
  if (values.help) return printed(commandHelp(name, command));
  if (values.version) return printed(VERSION, "version");
  if (!command.takesArguments && positionals.length) throw strayArguments(name, command, positionals);
  interruptedNote = command.interrupted;
  await command.run(values, positionals, context(values));
  return 0;
}

/** Without a command, only the global flags are known: `reportsite --jsn` names the typo, not "no command". */
function refuseUnknownOptions(tokens: ReturnType<typeof parseArgs>["tokens"] = []): void {
  for (const token of tokens) {
    if (token.kind !== "option" || Object.hasOwn(GLOBAL_OPTIONS, token.name)) continue;
    const suggestion = closestName(token.name, Object.keys(GLOBAL_OPTIONS));
    throw new UsageError(`Unknown option '${token.rawName}'${suggestion ? `; did you mean --${suggestion}?` : ""}`);
  }
}

/** Words after a command that takes none: refused, so `--month 2019-01 2019-02` never builds January alone. */
function strayArguments(name: string, command: Command, positionals: string[]): UsageError {
  const words = positionals.map((p) => `"${p}"`).join(", ");
  const month = "month" in command.options && positionals.find((p) => /^\d{4}-\d{2}$/.test(p));
  return new UsageError(
    `${name} takes no arguments, got ${words}${month ? ` (each month needs its own flag: --month ${month})` : ""}\nUsage: ${command.usage}`,
  );
}

async function commandNamed(name: string): Promise<Command> {
  const command = await loadCommand(name);
  if (command) return command;
  const suggestion = closestName(name, COMMAND_NAMES);
  throw new UsageError(`unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
}

/** What a command gets: printing, the logger and the config with the global flags applied. */
function context(values: OptionValues<typeof GLOBAL_OPTIONS>): CommandContext {
  const json = values.json === true;
  const configPath = values.config;
  const region = values.region;
  const endpoint = values["endpoint-url"];
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint))
    throw new UsageError(`--endpoint-url ${endpoint}: expected an http(s) URL such as http://127.0.0.1:7480`);
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region))
    throw new UsageError(`--region ${region}: expected a region name such as us-east-1`);
  // the SDK's default credential chain reads AWS_PROFILE, as the AWS CLI's --profile does
  if (typeof values.profile === "string") process.env.AWS_PROFILE = values.profile;
  return {
    logger: cliLogger({ json, quiet: values.quiet === true, verbose: values.verbose === true }),
    print: (line) => {
      resultPrinted ||= json;
      console.log(line);
    },
    note: (line) => void (values.quiet || console.error(line)),
    configPath,
    json,
    async loadConfig(overrides = {}) {
      // reading first reports a missing config before the validator (zod) and the stages load
      await (await import("../config/file.js")).readConfigText(configPath);
      const { loadConfig } = await import("../config/index.js");
      return loadConfig(configPath, { region, endpoint, ...overrides });
    },
  };
}

/** Print text to stdout and succeed; under --json as one JSON object, `{"help": text}` or `{"version": text}`. */
function printed(text: string, key: "help" | "version" = "help"): number {
  console.log(json ? JSON.stringify({ [key]: text }, null, 2) : text);
  resultPrinted ||= json;
  return 0;
}

/** The running command's note on what an interruption leaves behind. */
let interruptedNote: string | undefined;
/** Under --json: the result (or error) object is printed, so a later error adds none. */
let resultPrinted = false;
/** main() has returned: the exit code is set. */
let finished = false;
/** A last-resort handler is ending the run: the first one reports, later ones only exit. */
let ending = false;

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const debug = argv.includes("--debug");

/** Print an error that ends the run (under --json also as one JSON object on stdout); returns its exit code. */
function reportFailure(error: unknown, exitCode = error instanceof ReportsiteError ? error.exitCode : 1): number {
  // --json: the error is the result, as one JSON object on stdout
  if (json && !resultPrinted) console.log(JSON.stringify({ error: { ...formatError(error), exitCode } }, null, 2));
  resultPrinted ||= json;
  printError(error, debug); // on stderr, for the person reading the log, also under --json
  return exitCode;
}

/** End the run now with `error` reported, once, whatever else is still pending. */
function endWith(error: unknown, exitCode?: number): never {
  if (!ending) process.exitCode = reportFailure(error, exitCode);
  ending = true;
  process.exit();
}

/** How long an interrupted command may spend on its cleanups (releasing the deploy lock) before it exits. */
const INTERRUPT_CLEANUP_MS = 3000;

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
for (const [signal, number] of Object.entries(SIGNALS)) {
  process.once(signal, () => {
    console.error(""); // after the ^C on the terminal's line
    const error = new InterruptedError(`interrupted (${signal})${interruptedNote ? `: ${interruptedNote}` : ""}`);
    // a deploy releases its lock first (a few seconds at most), so the next one need not wait for it to expire
    void runInterruptCleanups(INTERRUPT_CLEANUP_MS).finally(() => endWith(error, 128 + number));
  });
}

// A reader that goes away (`reportsite build | head -1`) is no error of the user's: end quietly, as
// tools killed by SIGPIPE do (128 + 13), with no stack trace on a terminal nobody reads.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", () => {
    if (ending) return;
    ending = true;
    // a deploy still releases its lock, so the next one need not wait for it to expire
    void runInterruptCleanups(INTERRUPT_CLEANUP_MS).finally(() => process.exit(141));
  });

// Last resorts: an error no stage caught, or work that stopped with nothing left to wait for (Node
// would end with exit code 13 and no word) still end with a message and, under --json, one object.
process.on("uncaughtException", (error) => endWith(error));
process.on("beforeExit", () => {
  if (!finished)
    endWith(
      new ReportsiteError("reportsite stopped before the command finished: it waited for work that never ended", {
        hint: "This is a bug in reportsite; nothing was published by this run. Run again with --debug and report the output.",
      }),
    );
});

void main(argv).then((code) => {
  finished = true;
  process.exitCode = code;
});

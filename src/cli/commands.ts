/**
 * The command table: names, one-line summaries and lazy loaders, so `--help` never loads Vega or the SDK.
 * A command's summary is written here only; the main help and the command's own --help read it from here.
 */
import { readFileSync } from "node:fs";
import type { Command } from "./command.js";
import { formatFlags, GLOBAL_FLAGS } from "./command.js";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: Command }> }> = {
  init: {
    summary: "write site-config.json, the GitHub Actions workflow and the IAM policies",
    load: () => import("./commands/init.js"),
  },
  build: {
    summary: "read the raw CSVs from S3 and build every month's report into dist/",
    load: () => import("./commands/build.js"),
  },
  deploy: {
    summary: "sync dist/ to the website bucket (only what changed, index last) and print the URL",
    load: () => import("./commands/deploy.js"),
  },
  publish: {
    summary: "build, then deploy: the scheduled job in one command (one start-up, one S3 connection)",
    load: () => import("./commands/publish.js"),
  },
  setup: {
    summary: "create and configure the website bucket (website hosting, public read)",
    load: () => import("./commands/setup.js"),
  },
  preview: {
    summary: "serve dist/ locally the way S3 website hosting would",
    load: () => import("./commands/preview.js"),
  },
  share: { summary: "print a presigned URL for a private object", load: () => import("./commands/share.js") },
  acl: {
    summary: "show who can read an object, or set its canned ACL (public-read | private)",
    load: () => import("./commands/acl.js"),
  },
  check: {
    summary: "check what the public sees of the site: pages, types, the error document, raw files refused",
    load: () => import("./commands/check.js"),
  },
  url: { summary: "print the public object URL and website URL of a key", load: () => import("./commands/url.js") },
  download: { summary: "download a private object to a local file", load: () => import("./commands/download.js") },
  help: {
    summary: "this help; `reportsite help <command>` for a command's flags",
    load: async () => ({ default: undefined as never }),
  },
};

/** Every command name, for did-you-mean. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The package's version (package.json sits two folders up from both src/cli and lib/cli). */
export const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** The command module, or undefined for an unknown name. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  if (name === "help" || !Object.hasOwn(COMMANDS, name)) return undefined;
  return (await COMMANDS[name]!.load()).default;
}

/** The text `reportsite <command> --help` prints: the command's flags, then the global ones, in aligned columns. */
export function commandHelp(name: string, command: Command): string {
  return [
    `reportsite ${name}: ${COMMANDS[name]?.summary ?? ""}`,
    "",
    `Usage: ${command.usage}`,
    "",
    "Flags:",
    ...formatFlags({
      ...command.flags,
      ...Object.fromEntries(Object.entries(GLOBAL_FLAGS).filter(([flag]) => !(flag in command.flags))),
    }),
  ].join("\n");
}

/** The text `reportsite --help` prints. */
export function mainHelp(): string {
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length)) + 2;
  return [
    "reportsite: monthly report websites from raw CSV exports in S3",
    "",
    "Usage: reportsite <command> [flags]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}${summary}`),
    "",
    "Global flags:",
    ...formatFlags(GLOBAL_FLAGS),
    "",
    "Start a new project with `npx reportsite init`.",
  ].join("\n");
}

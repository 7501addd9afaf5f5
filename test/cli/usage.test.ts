/** The command line itself: help, typos, versions, exit codes, --json errors. No server needed. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/s3.js";

const VERSION = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

describe("reportsite usage", () => {
  test("`help` is the main help and `help build` is `build --help`", async () => {
    const cwd = tempDir();
    const help = await runCli(["help"], { cwd });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: reportsite <command> \[flags\]$/m);
    const helpBuild = await runCli(["help", "build"], { cwd });
    expect(helpBuild.exitCode).toBe(0);
    expect(helpBuild.stdout).toBe((await runCli(["build", "--help"], { cwd })).stdout);
    expect(helpBuild.stdout).toContain("--require-complete");
  });

  test("`help help` is the main help", async () => {
    const result = await runCli(["help", "help"], { cwd: tempDir() });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: reportsite <command> \[flags\]$/m);
    expect(result.exitCode).toBe(0);
  });

  test.each([["-v"], ["--version"], ["build", "--version"]])("%s prints the package version", async (...args) => {
    const result = await runCli(args, { cwd: tempDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  test.each([
    { args: ["biuld"], message: /^unknown command "biuld"; did you mean "build"\?$/m },
    { args: ["deplo"], message: /did you mean "deploy"\?/ },
    {
      args: ["build", "--skip-bad-file"],
      message: /Unknown option '--skip-bad-file'; did you mean --skip-bad-files\?/,
    },
    { args: ["share", "some/key.csv", "--expires", "8x"], message: /--expires 8x: expected a number and a unit/ },
    {
      args: ["share", "some/key.csv", "--expires", "8d"],
      message: /--expires 8d: presigned URLs .* live at most 7 days/,
    },
    {
      args: ["build", "--endpoint-url", "ftp://host"],
      message: /--endpoint-url ftp:\/\/host: expected an http\(s\) URL/,
    },
    { args: ["build", "--month", "someday"], message: /--month someday: expected a month as YYYY-MM/ },
    {
      args: ["publish", "--month", "2019-06..2019-01"],
      message: /--month 2019-06\.\.2019-01: a range goes from an earlier month to a later one/,
    },
    { args: ["init", "--raw-bucket", "city-raw"], message: /--site-bucket is required \(no terminal to ask on\)/ },
    // typos before the command, stray words, and help's own topic
    { args: ["--jsn"], message: /^Unknown option '--jsn'; did you mean --json\?$/m },
    { args: ["--jsn", "build"], message: /^Unknown option '--jsn'; did you mean --json\?$/m },
    {
      args: ["publish", "--month", "2019-01", "2019-02"],
      message: /^publish takes no arguments, got "2019-02" \(each month needs its own flag: --month 2019-02\)$/m,
    },
    { args: ["deploy", "now", "please"], message: /^deploy takes no arguments, got "now", "please"$/m },
  ])("$args: exit code 2 and what was wrong", async ({ args, message }) => {
    const result = await runCli(args, { cwd: tempDir() });
    expect(result.stderr).toMatch(message);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
  });

  test("a command's --help aligns every flag's description, global flags included", async () => {
    const result = await runCli(["setup", "--help"], { cwd: tempDir() });
    const flagLines = result.stdout.split("\n").filter((l) => l.startsWith("  --"));
    const columns = new Set(flagLines.map((l) => /^ {2}--.*?\S {2,}(?=\S)/.exec(l)![0].length));
    expect(columns.size).toBe(1);
    expect(result.stdout).toMatch(/^ {2}--config PATH {2,}site-config\.json to use/m);
  });

  test("--json: an error is one JSON object on stdout (and the message on stderr)", async () => {
    const result = await runCli(["build", "--json"], { cwd: tempDir() });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        name: "ConfigError",
        message: "site-config.json: file not found",
        hint: expect.stringMatching(/reportsite init/),
        exitCode: 1,
      },
    });
    expect(result.stderr).toMatch(/^site-config\.json: file not found$/m);
  });

  test.each([[["--json"]], [["--json", "-q"]]])(
    "%j without a command: one JSON object naming the commands, exit code 2",
    async (args) => {
      const result = await runCli(args, { cwd: tempDir() });
      expect(result.exitCode).toBe(2);
      const { error } = JSON.parse(result.stdout);
      expect(error).toMatchObject({ name: "UsageError", exitCode: 2 });
      for (const command of ["init", "build", "deploy", "publish", "preview", "share", "help"])
        expect(error.message).toMatch(new RegExp(`^no command given; the commands are .*\\b${command}\\b`));
      expect(result.stderr).toMatch(/^no command given; the commands are init, build, /m);
    },
  );

  test.each([
    { args: ["--json", "--help"], key: "help", text: /^Usage: reportsite <command> \[flags\]$/m },
    { args: ["help", "deploy", "--json"], key: "help", text: /^reportsite deploy: sync dist\/ to the website bucket/ },
    { args: ["build", "--help", "--json"], key: "help", text: /^Usage: reportsite build /m },
    { args: ["--json", "--version"], key: "version", text: new RegExp(`^${VERSION.replaceAll(".", "\\.")}$`) },
  ])("$args: help and version are one JSON object too", async ({ args, key, text }) => {
    const result = await runCli(args, { cwd: tempDir() });
    expect(result.exitCode).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(printed)).toEqual([key]);
    expect(printed[key]).toMatch(text);
  });

  test("a command's --help opens with the summary the main help lists for it", async () => {
    const cwd = tempDir();
    const help = (await runCli(["help"], { cwd })).stdout;
    const listed = [...help.matchAll(/^ {2}([a-z]+) +(.+)$/gm)].filter(([, name]) => name !== "help");
    expect(listed.map(([, name]) => name)).toEqual(expect.arrayContaining(["build", "deploy", "publish", "url"]));
    for (const [, name, summary] of listed)
      expect((await runCli([name!, "--help"], { cwd })).stdout.split("\n")[0]).toBe(`reportsite ${name}: ${summary}`);
  });

  test("--json: an invalid config lists its problems", async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "site-config.json"),
      JSON.stringify({ raw: { bucket: "Bad_Bucket" }, site: { bucket: "s-b" } }),
    );
    const result = await runCli(["deploy", "--json"], { cwd });
    expect(result.exitCode).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.name).toBe("ConfigError");
    expect(error.problems).toEqual([expect.stringMatching(/^raw\.bucket: must be an S3 bucket name/)]);
  });
});

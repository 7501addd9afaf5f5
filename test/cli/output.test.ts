import { afterEach, expect, test, vi } from "vitest";
import { cliLogger, PLAIN_PROGRESS_INTERVAL_MS } from "../../src/cli/output.js";
import { closestName } from "../../src/cli/suggest.js";

afterEach(() => vi.restoreAllMocks());

function capture(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

const step = (n: number) => ({ task: "2019-01", total: 3, bytes: 1000, rows: 10, line: `read f${n}.csv: 10 rows` });

test("on a terminal: one line updated in place, cleared before a warning, finished with a newline", () => {
  const { out, err } = capture();
  const logger = cliLogger({ json: false, quiet: false, verbose: false, tty: true });
  logger.progress!(step(1));
  logger.warn("day 4 has no file");
  logger.progress!(step(2));
  logger.progress!(step(3));
  expect(out).toEqual([
    "\r\x1b[K2019-01: read 1 of 3 files, 1.0 kB, 10 rows",
    "\r\x1b[K",
    "\r\x1b[K2019-01: read 2 of 3 files, 2.0 kB, 20 rows",
    "\r\x1b[K",
    "2019-01: read 3 of 3 files, 3.0 kB, 30 rows\n",
  ]);
  expect(err).toEqual(["warning: day 4 has no file\n"]);
});

test("in a log (CI): a plain counting line every few seconds and at the end, never one per file", () => {
  const { out } = capture();
  let clock = 0;
  const logger = cliLogger({ json: false, quiet: false, verbose: false, tty: false, now: () => clock });
  logger.progress!(step(1));
  clock += PLAIN_PROGRESS_INTERVAL_MS;
  logger.progress!(step(2));
  logger.progress!(step(3));
  expect(out).toEqual([
    "2019-01: read 2 of 3 files, 2.0 kB, 20 rows\n",
    "2019-01: read 3 of 3 files, 3.0 kB, 30 rows\n",
  ]);
});

test("--verbose prints each step; --quiet none, but still warnings", () => {
  const { out, err } = capture();
  cliLogger({ json: false, quiet: false, verbose: true, tty: true }).progress!(step(1));
  const quiet = cliLogger({ json: false, quiet: true, verbose: false, tty: true });
  quiet.progress!(step(2));
  quiet.info("listed");
  quiet.warn("careful");
  expect(out).toEqual(["read f1.csv: 10 rows\n"]);
  expect(err).toEqual(["warning: careful\n"]);
});

test.each([
  ["biuld", "build"],
  ["deplyo", "deploy"],
  ["prev", "preview"],
  ["xyz", undefined],
])("did you mean: %s -> %s", (input, expected) => {
  expect(closestName(input, ["init", "build", "deploy", "setup", "preview", "share", "acl", "url", "download"])).toBe(
    expected,
  );
});

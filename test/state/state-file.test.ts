/** The one state-file form: written whole, read back only when its format, checksum and shape hold. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { openBuildCache } from "../../src/state/index.js";
import { readStateFile, stateFileText, writeStateFile, type StateFileKind } from "../../src/state/state-file.js";

const KIND: StateFileKind<{ n: number }> = {
  format: 7,
  isData: (value): value is { n: number } => typeof (value as { n?: unknown } | null)?.n === "number",
  instead: "it is made again",
};

describe("state files", () => {
  const path = join(mkdtempSync(join(tmpdir(), "state-")), "sub", "thing.json");

  test("what is written is read back with its checksum; a missing file is no data and no warning", async () => {
    const logger = memoryLogger();
    expect(await readStateFile(path, KIND, logger)).toEqual({});
    const { text, checksum } = stateFileText(7, { n: 1 });
    await writeStateFile(path, text);
    expect(await readStateFile(path, KIND, logger)).toEqual({ data: { n: 1 }, checksum });
    expect(logger.warnings).toEqual([]);
  });

  test.each([
    ["not JSON", () => "{not json", "it is not JSON (damaged)", "damaged"],
    [
      "another format",
      () => stateFileText(6, { n: 1 }).text,
      "it was written by another version of reportsite (format 6)",
      "another version",
    ],
    [
      "an earlier version's file, before state files had a format",
      () => JSON.stringify({ output: "/dist", fingerprint: "abc", files: [] }),
      "it was written by an earlier version of reportsite",
      "another version",
    ],
    [
      "no checksum",
      () => JSON.stringify({ format: 7, data: { n: 1 } }),
      "it is not a reportsite state file (damaged)",
      "damaged",
    ],
    [
      "other bytes",
      () => stateFileText(7, { n: 1 }).text.replace('"n":1', '"n":2'),
      "its checksum does not match its contents (damaged)",
      "damaged",
    ],
    [
      "another shape",
      () => stateFileText(7, { m: 1 }).text,
      "its contents are not what reportsite writes there (damaged)",
      "damaged",
    ],
  ])("%s: ignored with the one warning form", async (_name, text, why, ignored) => {
    writeFileSync(path, text());
    const logger = memoryLogger();
    expect(await readStateFile(path, KIND, logger)).toEqual({ ignored });
    expect(logger.warnings).toEqual([`ignoring ${path}: ${why}; it is made again`]);
    expect(readFileSync(path, "utf8")).toBe(text()); // ignored, not removed: the next write replaces it
  });
});

describe("the cache folder", () => {
  test("a save removes the MD5 memory files earlier versions of deploy wrote, and nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cache-"));
    const retired = join(dir, "hashed-0123456789abcdef.json");
    const published = join(dir, "published-0123456789abcdef.json");
    writeFileSync(retired, "{}");
    writeFileSync(published, "{}");
    const cache = await openBuildCache(dir, "counts", memoryLogger());
    cache.setMonth("2019-01", []);
    await cache.save();
    expect(existsSync(retired)).toBe(false);
    expect(existsSync(published)).toBe(true);
    expect(existsSync(join(dir, "manifest.json"))).toBe(true);
  });
});

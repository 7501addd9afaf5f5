import { describe, expect, test } from "vitest";
import { describeLook, patternOf, proposeKeyLayout } from "../../src/init/index.js";
import { memoryLogger } from "../../src/log.js";

/** Daily keys from `start` (YYYY-MM-DD), named by `name`. */
function days(count: number, name: (date: string) => string, start = "2024-01-01"): string[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(start) + i * 86_400_000).toISOString().slice(0, 10);
    return name(date);
  });
}

describe("the key pattern of one name", () => {
  test.each([
    { name: "2019_jan_01_gid_requests.csv", pattern: "{year}_{mon}_{day}_gid_requests.csv" },
    { name: "2019_Jan_1_gid_requests.csv", pattern: "{year}_{mon}_{day}_gid_requests.csv" },
    { name: "requests-2020-03-15.csv", pattern: "requests-{year}-{month}-{day}.csv" },
    { name: "311_2021_12.csv", pattern: "311_{year}_{month}.csv" },
    { name: "exports/2024-03-05.csv", pattern: "exports/{year}-{month}-{day}.csv" },
    { name: "data/2024/03/05.csv", pattern: "data/{year}/{month}/{day}.csv" },
    { name: "year=2024/month=03/day=05/part.csv", pattern: "year={year}/month={month}/day={day}/part.csv" },
    { name: "dump_20240305.csv", pattern: "dump_{year}{month}{day}.csv" },
    { name: "v2/2024-03-05.csv", pattern: "v2/{year}-{month}-{day}.csv" },
    { name: "README.md", pattern: undefined },
    { name: "notes-{year}.txt", pattern: undefined },
  ])("$name -> $pattern", ({ name, pattern }) => {
    expect(patternOf(name)).toBe(pattern);
  });
});

describe("the prefix and pattern proposed from the keys", () => {
  test("dated files in a folder: the folder is the prefix, every key is selected", () => {
    expect(proposeKeyLayout([...days(75, (d) => `exports/${d}.csv`), "README.md"])).toEqual({
      prefix: "exports/",
      keyPattern: "{year}-{month}-{day}.csv",
      matched: 75,
      total: 76,
    });
  });

  test("YYYY/MM/DD folders: the pattern holds the folders", () => {
    expect(proposeKeyLayout(days(40, (d) => `raw/${d.replaceAll("-", "/")}.csv`))).toEqual({
      prefix: "raw/",
      keyPattern: "{year}/{month}/{day}.csv",
      matched: 40,
      total: 40,
    });
  });

  test("the 311 names without a folder", () => {
    expect(proposeKeyLayout(["2019_jan_01_gid_requests.csv", "2019_jan_02_gid_requests.csv"])).toMatchObject({
      prefix: "",
      keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
      matched: 2,
    });
  });

  test("the most common shape wins; the others are counted as not selected", () => {
    const names = [...days(10, (d) => `a/${d}.csv`), ...days(3, (d) => `b/${d}.csv`)];
    expect(proposeKeyLayout(names)).toMatchObject({ prefix: "a/", matched: 10, total: 13 });
  });

  test("no dated key: nothing is proposed", () => {
    expect(proposeKeyLayout(["README.md", "notes.txt"])).toBeUndefined();
  });
});

describe("what init says about the keys", () => {
  const look = (names: string[], keyPattern: string, prefix = "") => ({
    names,
    truncated: false,
    layout: {
      prefix,
      keyPattern,
      matched: names.filter((n) => patternOf(n) !== undefined).length,
      total: names.length,
    },
  });

  test("a pattern that selects most keys is an info line with the counts", () => {
    const logger = memoryLogger();
    describeLook(
      "s3://raw/",
      look(
        days(10, (d) => `${d}.csv`),
        "{year}-{month}-{day}.csv",
      ),
      logger,
    );
    expect(logger.lines).toEqual([
      'raw prefix "" and key pattern {year}-{month}-{day}.csv select 10 of the 10 keys under s3://raw/',
    ]);
    expect(logger.warnings).toEqual([]);
  });

  test("a pattern that leaves most keys out is a warning naming some of them and the flags", () => {
    const logger = memoryLogger();
    const names = [...days(2, (d) => `${d}.csv`), ...days(8, (d) => `parts/${d}_part0001.csv.gz`)];
    const layout = { prefix: "", keyPattern: "{year}-{month}-{day}.csv", matched: 2, total: 10 };
    describeLook("s3://raw/", { names, truncated: false, layout }, logger);
    expect(logger.warnings).toEqual([
      'raw prefix "" and key pattern {year}-{month}-{day}.csv select 2 of the 10 keys under s3://raw/; build would ignore the others (e.g. parts/2024-01-01_part0001.csv.gz, parts/2024-01-02_part0001.csv.gz): check --raw-prefix and --key-pattern',
    ]);
  });

  test("no dated key: a warning with an example of --key-pattern", () => {
    const logger = memoryLogger();
    describeLook("s3://raw/", { names: ["README.md", "notes.txt"], truncated: false }, logger);
    expect(logger.warnings[0]).toMatch(
      /no key of the 2 keys under s3:\/\/raw\/ has a date init recognises \(e\.g\. README\.md, notes\.txt\); pass --key-pattern/,
    );
  });
});

import { describe, expect, test } from "vitest";
import { patternOf, proposeKeyLayout } from "../../src/init/index.js";

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

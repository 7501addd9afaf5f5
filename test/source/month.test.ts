import { describe, expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import { dateRawKey, groupByMonth, monthId, monthTitle, parseMonth } from "../../src/source/index.js";
import { monthsNamedBy, sortRawKeys } from "../../src/source/month.js";
import { formatDays } from "../../src/units.js";
import { monthDir } from "../../src/build/index.js";

const config = configFromSpec({ raw: { bucket: "gid-raw", prefix: "exports" }, site: { bucket: "gid-site" } });
const obj = (key: string) => ({ key, size: 1 });

describe("raw keys and months", () => {
  test.each([
    { key: "exports/2019_jan_10_gid_requests.csv", expected: { year: 2019, month: 1, day: 10 } },
    { key: "exports/2019_Dec_31_gid_requests.csv", expected: { year: 2019, month: 12, day: 31 } },
    { key: "exports/2019_feb_30_gid_requests.csv", expected: undefined },
    { key: "exports/2019_jan_10_gid_requests.csv.bak", expected: undefined },
    { key: "exports/sub/2019_jan_10_gid_requests.csv", expected: undefined },
    { key: "2019_jan_10_gid_requests.csv", expected: undefined },
    { key: "exports/2019_foo_10_gid_requests.csv", expected: undefined },
  ])("$key -> $expected", ({ key, expected }) => {
    const dated = dateRawKey(config, obj(key));
    expect(dated === undefined ? undefined : { ...dated.month, day: dated.day }).toEqual(expected);
  });

  test("a {month}/{day} folder pattern", () => {
    const folders = configFromSpec({
      raw: { bucket: "gid-raw", keyPattern: "{year}/{month}/{day}.csv" },
      site: { bucket: "gid-site" },
    });
    expect(dateRawKey(folders, obj("2020/02/29.csv"))?.month).toEqual({ year: 2020, month: 2 });
    expect(dateRawKey(folders, obj("2019/02/29.csv"))).toBeUndefined();
  });

  test("groupByMonth orders months and days", () => {
    const keys = [
      "exports/2019_feb_02_gid_requests.csv",
      "exports/2019_jan_10_gid_requests.csv",
      "exports/2019_jan_02_gid_requests.csv",
      "exports/2018_dec_31_gid_requests.csv",
    ];
    const months = groupByMonth(keys.map((k) => dateRawKey(config, obj(k))!));
    expect([...months.keys()]).toEqual(["2018-12", "2019-01", "2019-02"]);
    expect(months.get("2019-01")!.objects.map((o) => o.day)).toEqual([2, 10]);
  });

  test("month names, ids and folders", () => {
    expect(monthId({ year: 2019, month: 3 })).toBe("2019-03");
    expect(monthTitle({ year: 2019, month: 3 })).toBe("March 2019");
    expect(parseMonth("2019-03")).toEqual({ year: 2019, month: 3 });
    expect(parseMonth("2019-3")).toBeUndefined();
    expect(monthDir("{year}/{mon}", { year: 2019, month: 1 })).toBe("2019/jan");
    expect(monthDir("reports/{year}-{month}", { year: 2019, month: 1 })).toBe("reports/2019-01");
    expect(formatDays([1, 2, 3, 7, 9, 10])).toBe("1-3, 7, 9-10");
  });

  test("{part} dates every part of a day exported in parts, part1 and part0001 are one part", () => {
    const parts = configFromSpec({
      raw: { bucket: "gid-raw", keyPattern: "{year}_{mon}_{day}_gid_requests_part{part}.csv" },
      site: { bucket: "gid-site" },
    });
    expect(parts.raw.keyPattern.parts).toBe(true);
    expect(dateRawKey(parts, obj("2019_jan_10_gid_requests_part0002.csv"))).toMatchObject({ day: 10, part: 2 });
    expect(dateRawKey(parts, obj("2019_jan_10_gid_requests_part2.csv"))?.part).toBe(2);
    expect(dateRawKey(parts, obj("2019_jan_10_gid_requests.csv"))).toBeUndefined();
    expect(config.raw.keyPattern.parts).toBe(false);
  });

  test.each([
    { key: "2019_jan_10_gid_requests_part0001.csv", expected: { day: 10, part: "_part0001" } },
    { key: "2019_jan_10_gid_requests.csv", expected: { day: 10, part: "" } },
    { key: "2019_jan_1_gid_requests (copy).csv", expected: { day: 1, part: " (copy)" } },
    { key: "2019_jan_10_gid_requests_part0001.csv.gz", expected: { day: 10, part: "_part0001" } },
    { key: "2019_jan_10/gid_requests.csv", expected: undefined },
  ])("* in {year}_{mon}_{day}_gid_requests*.csv: $key -> $expected", ({ key, expected }) => {
    const wild = configFromSpec({
      raw: { bucket: "gid-raw", keyPattern: "{year}_{mon}_{day}_gid_requests*.csv" },
      site: { bucket: "gid-site" },
    });
    const dated = dateRawKey(wild, obj(key));
    expect(dated && { day: dated.day, part: dated.part }).toEqual(expected);
  });

  test("a * right after {day} still reads a two-digit day", () => {
    const wild = configFromSpec({
      raw: { bucket: "gid-raw", keyPattern: "{year}_{mon}_{day}*" },
      site: { bucket: "s-b" },
    });
    expect(dateRawKey(wild, obj("2019_jan_10_gid_requests.csv"))).toMatchObject({ day: 10, part: "_gid_requests.csv" });
  });

  test("a .csv.gz key is dated like the .csv it holds", () => {
    expect(dateRawKey(config, obj("exports/2019_jan_10_gid_requests.csv.gz"))?.day).toBe(10);
    expect(dateRawKey(config, obj("exports/2019_jan_10_gid_requests.csv.zip"))).toBeUndefined();
  });

  test("sortRawKeys keeps impossible dates apart from the keys the pattern ignores", () => {
    const sorted = sortRawKeys(
      config,
      ["exports/2020_feb_29_gid_requests.csv", "exports/2020_feb_30_gid_requests.csv", "exports/notes.txt"].map(obj),
    );
    expect(sorted.dated.map((o) => o.key)).toEqual(["exports/2020_feb_29_gid_requests.csv"]);
    expect(sorted.impossible.map((o) => [o.key, o.day])).toEqual([["exports/2020_feb_30_gid_requests.csv", 30]]);
    expect(sorted.ignored).toEqual(["exports/notes.txt"]);
  });

  test.each([
    { key: "exports/2019_jan_10_gid_requests_part0001.csv", expected: true },
    { key: "exports/2019_January_10.csv", expected: true },
    { key: "exports/2019-01-10.csv", expected: true },
    { key: "exports/requests_201901.csv", expected: true },
    { key: "exports/10_01_2019.csv", expected: true },
    { key: "exports/20190110_requests.csv", expected: true },
    { key: "exports/2019_feb_10_gid_requests_part0001.csv", expected: false },
    { key: "exports/2020_jan_10_gid_requests_part0001.csv", expected: false },
    { key: "exports/2019-11-01.csv", expected: false },
    { key: "exports/janitor_2019.csv", expected: false },
    { key: "exports/notes.txt", expected: false },
  ])("$key looks like January 2019: $expected", ({ key, expected }) => {
    expect(monthsNamedBy(key).includes("2019-01")).toBe(expected);
  });
});

import { describe, expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import { dateRawKey, groupByMonth, monthId, monthTitle, parseMonth } from "../../src/source/index.js";
import { formatDays } from "../../src/units.js";
import { monthDir } from "../../src/build.js";

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
});

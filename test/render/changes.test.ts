// "What changed" tells only what is unusual for the group itself: hand-made series whose answer is
// known (a flat series, a spike, a new and a vanished group, too little history, small numbers).
import { describe, expect, test } from "vitest";
import {
  changesOf,
  DEFAULT_CHANGE_SETTINGS,
  median,
  robustScore,
  shiftMonth,
  type ChangeSubject,
  type GroupMonth,
} from "../../src/render/changes.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Months from 2019-01 on, each with the groups' values at that position (undefined: the group has none that month). */
function series(groups: Record<string, (number | undefined)[]>, missingDays: Record<number, number[]> = {}) {
  const length = Math.max(...Object.values(groups).map((v) => v.length));
  return Array.from({ length }, (_, i): GroupMonth => {
    const id = shiftMonth("2019-01", i);
    const values = new Map<string, number>();
    for (const [name, v] of Object.entries(groups)) if (v[i] !== undefined) values.set(name, v[i]);
    return { id, title: `Month ${id}`, missingDays: missingDays[i] ?? [], values };
  });
}

const subject = (names: string[]): ChangeSubject => ({
  measure: { kind: "count" },
  names: new Map(names.map((n) => [n, [n]])),
});
const repeat = (value: number, n: number) => Array<number>(n).fill(value);

function changesOfLast(groups: Record<string, (number | undefined)[]>, settings = DEFAULT_CHANGE_SETTINGS) {
  const months = series(groups);
  return changesOf(months, months.at(-1)!, subject(Object.keys(groups)), settings);
}

describe("robustScore", () => {
  test("the median and MAD of the history: a value 5 MADs away scores about 5 / 1.4826", () => {
    // median 100, deviations 0,10,10,20,20 -> MAD 10; spread 14.826
    expect(robustScore(150, [80, 90, 100, 110, 120])).toEqual({ usual: 100, score: 3.37 });
  });

  test("a history whose MAD is 0 takes √median as its spread, not 0", () => {
    expect(robustScore(130, repeat(100, 12))).toEqual({ usual: 100, score: 3 });
    expect(robustScore(3, repeat(0, 12))).toEqual({ usual: 0, score: 3 });
  });

  test("one wild month in the history moves neither the usual value nor the spread much", () => {
    const calm = robustScore(300, [95, 100, 105, 100, 98, 102, 100, 101]);
    const withOutlier = robustScore(300, [95, 100, 105, 100, 98, 102, 100, 5000]);
    expect(withOutlier).toEqual(calm);
    expect(calm.score).toBe(20);
  });

  test("median of an even count is the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe("changesOf", () => {
  test("a flat series flags nothing, although its months have 28 to 31 days", () => {
    const list = changesOfLast({ Pothole: repeat(300, 14), Graffiti: repeat(40, 14) });
    expect(list).toMatchObject({ history: 12, rises: [], falls: [], new: [], vanished: [] });
    expect(list.reason).toBeUndefined();
  });

  test("a noisy series within its usual range flags nothing", () => {
    const noisy = [190, 205, 180, 199, 210, 188, 195, 202, 185, 207, 193, 198, 204];
    expect(changesOfLast({ Graffiti: noisy })).toMatchObject({ rises: [], falls: [] });
  });

  test("a spike is a rise, told in plain words with its usual value", () => {
    const list = changesOfLast({
      "Graffiti Removal": [...[190, 185, 195, 188, 192, 190, 187, 193, 191, 189, 194, 190], 412],
      Pothole: repeat(300, 13),
    });
    expect(list.rises).toHaveLength(1);
    expect(list.rises[0]).toMatchObject({ group: ["Graffiti Removal"], value: 412 });
    expect(list.rises[0]!.score).toBeGreaterThan(DEFAULT_CHANGE_SETTINGS.minScore);
    expect(list.rises[0]!.text).toMatch(/^Graffiti Removal: 412 requests, about 2\.\d× its usual 1\d\d$/);
    expect(list.falls).toEqual([]);
  });

  test("a drop is a fall, said as a share below the usual value", () => {
    const list = changesOfLast({ Pothole: [...repeat(300, 12), 120] });
    expect(list.falls.map((f) => f.text)).toEqual([
      expect.stringMatching(/^Pothole: 120 requests, about 6\d% below its usual 3\d\d$/),
    ]);
  });

  test("a busy group 30% up is many spreads away, but not large enough in proportion to be news", () => {
    const busy = [...repeat(1000, 12), 1300];
    expect(changesOfLast({ Pothole: busy }).rises).toEqual([]);
    expect(changesOfLast({ Pothole: busy }, { ...DEFAULT_CHANGE_SETTINGS, minRatio: 1.2 }).rises).toHaveLength(1);
  });

  test("rises are largest first and at most `limit`", () => {
    const groups = Object.fromEntries(range(1, 8).map((i) => [`G${i}`, [...repeat(100, 12), 100 + 40 * i]]));
    const list = changesOfLast(groups, { ...DEFAULT_CHANGE_SETTINGS, limit: 5 });
    expect(list.rises.map((r) => r.group[0])).toEqual(["G8", "G7", "G6", "G5", "G4"]);
  });

  test("a group new this month is named, and not scored", () => {
    const list = changesOfLast({ Pothole: repeat(300, 13), "Bulky Item": [...Array<undefined>(12), 57] });
    expect(list.new).toEqual([
      { group: ["Bulky Item"], value: 57, text: "Bulky Item: 57 requests, new (none in the 12 months before)" },
    ]);
    expect(list.rises).toEqual([]);
  });

  test("a group that had requests last month and has none now is named as vanished", () => {
    const list = changesOfLast({ Pothole: repeat(300, 13), "Dead Animal": [...repeat(45, 12), undefined] });
    expect(list.vanished).toEqual([
      {
        group: ["Dead Animal"],
        last: 45,
        lastMonth: "2019-12",
        text: "Dead Animal: none, against 45 requests in Month 2019-12",
      },
    ]);
  });

  test("with fewer than minHistory months of history nothing is flagged, and the reason says why", () => {
    const list = changesOfLast({
      Graffiti: [190, 185, 195, 188, 192, 900],
      New: [...repeat(0, 5).map(() => undefined), 80],
    });
    expect(list).toMatchObject({ history: 5, rises: [], falls: [], new: [], vanished: [] });
    expect(list.reason).toBe(
      "Only 5 of the 12 months before Month 2019-06 have data; at least 6 are needed to tell what is unusual.",
    );
  });

  test("months outside the window do not count as history", () => {
    // 6 months of data, then a year without: the last month has none in its window
    const months = series({ Graffiti: [...repeat(100, 6), ...repeat(500, 1)] });
    const late = { ...months.at(-1)!, id: "2021-01" };
    const list = changesOf([...months.slice(0, -1), late], late, subject(["Graffiti"]), DEFAULT_CHANGE_SETTINGS);
    expect(list.history).toBe(0);
    expect(list.rises).toEqual([]);
  });

  test("2 -> 5 requests is not news: below minVolume nothing is told, however large the score", () => {
    const list = changesOfLast({
      Small: [...repeat(2, 12), 15],
      Gone: [...repeat(5, 12), undefined],
      Tiny: [...Array<undefined>(12), 4],
    });
    expect(list).toMatchObject({ rises: [], falls: [], new: [], vanished: [] });
    const low = changesOfLast(
      { Small: [...repeat(2, 12), 15], Gone: [...repeat(5, 12), undefined], Tiny: [...Array<undefined>(12), 4] },
      { ...DEFAULT_CHANGE_SETTINGS, minVolume: 4 },
    );
    expect(low.rises.map((r) => r.group[0])).toEqual(["Small"]);
    expect(low.vanished.map((v) => v.group[0])).toEqual(["Gone"]);
    expect(low.new.map((n) => n.group[0])).toEqual(["Tiny"]);
  });

  test("a month so far is compared per day of data: 10 days at the usual rate is no fall", () => {
    const months = series({ Pothole: repeat(310, 13) }, { 12: range(11, 31) });
    months[12]!.values = new Map([["Pothole", 100]]);
    const list = changesOf(months, months[12]!, subject(["Pothole"]), DEFAULT_CHANGE_SETTINGS);
    expect(list).toMatchObject({ days: 10, falls: [], rises: [] });
  });

  test("a month without data says so", () => {
    const months = series({ Pothole: repeat(310, 13) }, { 12: range(1, 31) });
    const list = changesOf(months, months[12]!, subject(["Pothole"]), DEFAULT_CHANGE_SETTINGS);
    expect(list.reason).toBe("Month 2020-01 has no data yet.");
  });

  test("a sum is told in its unit with two decimals", () => {
    const months = series({ North: [...repeat(1000, 12), 2500.5] });
    const hours: ChangeSubject = { measure: { kind: "sum" }, unit: "hours", names: new Map([["North", ["North"]]]) };
    const list = changesOf(months, months.at(-1)!, hours, DEFAULT_CHANGE_SETTINGS);
    expect(list.rises[0]!.text).toBe("North: 2500.50 hours, about 2.5× its usual 1000.00");
  });
});

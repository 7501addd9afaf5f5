import { expect, test } from "vitest";
import { daysInMonth } from "../src/calendar.js";
import type { Measure } from "../src/config/index.js";
import { keyName, tupleKey, valueColumn } from "../src/group-values.js";

test("a tuple key never merges two tuples, however their texts look", () => {
  expect(tupleKey(['A"|"B', "C"])).not.toBe(tupleKey(["A", 'B"|"C']));
  expect(tupleKey(["A", "B"])).not.toBe(tupleKey(["A,B"]));
  // a file without the column (null) is not the text "null"
  expect(tupleKey([null])).not.toBe(tupleKey(["null"]));
  expect(tupleKey(["Pothole", "1"])).toBe('["Pothole","1"]');
});

test("one text is its own key, so a huge value is not copied into JSON", () => {
  const huge = "x".repeat(1_000_000);
  expect(tupleKey([huge])).toBe(huge);
});

test("days in a month, leap years included", () => {
  expect([daysInMonth(2019, 2), daysInMonth(2020, 2), daysInMonth(2100, 2), daysInMonth(2019, 12)]).toEqual([
    28, 29, 28, 31,
  ]);
  expect(daysInMonth(2019, 4)).toBe(30);
});

test("a report's column names: a key's column or <column>_<part>, the value column count or <measure>_<column>", () => {
  expect(keyName({ column: "service_name" })).toBe("service_name");
  expect(keyName({ column: "requested_datetime", part: "weekday" })).toBe("requested_datetime_weekday");
  expect(valueColumn({ kind: "count" })).toBe("count");
  expect(valueColumn({ kind: "median", column: "case_age_days" })).toBe("median_case_age_days");
  const share: Measure = { kind: "share", column: "status", values: ["Closed"] };
  expect(valueColumn(share)).toBe("share_status");
});

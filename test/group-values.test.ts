import { expect, test } from "vitest";
import { daysInMonth } from "../src/calendar.js";
import { tupleKey } from "../src/group-values.js";

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

import { table } from "arquero";
import { describe, expect, test } from "vitest";
import { aggregateReport } from "../../src/aggregate/index.js";
import { checkCountsAddUp } from "../../src/aggregate/report.js";
import { BugError } from "../../src/errors.js";
import { expectTable } from "../support/expect-table.js";

const settings = { groupBy: ["service_name"], chartField: "case_record_type", missingValues: ["", "NA"] };

describe("aggregateReport", () => {
  test("counts per group, largest first, ties by name; blanks and missing markers under (blank)", () => {
    const rows = table({
      service_name: ["Pothole", "Graffiti", "", "Pothole", "NA", "Alley", " NA"],
      case_record_type: ["Request", "Request", "Request", "Complaint", "Inquiry", "Request", "Request"],
    });
    const report = aggregateReport(rows, settings);
    expectTable(report.counts, {
      service_name: ["(blank)", "Pothole", " NA", "Alley", "Graffiti"],
      count: [2, 2, 1, 1, 1],
    });
    expect(report.totalRows).toBe(7);
  });

  test("the breakdown splits each group by the chart field, blanks included", () => {
    const rows = table({ service_name: ["A", "A", "A", "B"], case_record_type: ["Request", "", "Request", "Inquiry"] });
    const report = aggregateReport(rows, settings);
    expectTable(report.breakdown, {
      service_name: ["A", "A", "B"],
      case_record_type: ["(blank)", "Request", "Inquiry"],
      count: [1, 2, 1],
    });
  });

  test("several groupBy columns", () => {
    const rows = table({
      service_name: ["A", "A", "B"],
      council_district: ["1", "2", "1"],
      case_record_type: ["R", "R", "R"],
    });
    const report = aggregateReport(rows, { ...settings, groupBy: ["service_name", "council_district"] });
    expectTable(report.counts, { service_name: ["A", "A", "B"], council_district: ["1", "2", "1"], count: [1, 1, 1] });
  });

  test("values are grouped as text: '01' and '1' stay apart", () => {
    const rows = table({ service_name: ["01", "1", "1.0"], case_record_type: ["R", "R", "R"] });
    expectTable(aggregateReport(rows, settings).counts, { service_name: ["01", "1", "1.0"], count: [1, 1, 1] });
  });

  test("the counts always add up to the rows read", () => {
    const names = Array.from({ length: 500 }, (_, i) => ["A", "B", "", "NA", "C"][(i * 7) % 5]!);
    const report = aggregateReport(table({ service_name: names, case_record_type: names.map(() => "R") }), settings);
    expect((report.counts.array("count") as number[]).reduce((a, b) => a + b, 0)).toBe(500);
    expect(report.counts.objects().find((r) => (r as { service_name: string }).service_name === "(blank)")).toEqual({
      service_name: "(blank)",
      count: 200,
    });
  });
});

test("counts that do not add up to the rows read are a bug in reportsite, never published", () => {
  expect(() => checkCountsAddUp(5, 6)).toThrow(BugError);
  expect(() => checkCountsAddUp(5, 6)).toThrow(
    /^internal error, a bug in reportsite: the counts add up to 5, but 6 rows were read$/,
  );
  expect(() => checkCountsAddUp(6, 6)).not.toThrow();
});

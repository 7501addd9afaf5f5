import { describe, expect, test } from "vitest";
import { parseCsvSample, parseHeader, profileColumns, proposeColumns } from "../../src/init/index.js";

/** A CSV of `rows` rows from a function of the row number to its cells. */
function csv(header: string, rows: number, row: (i: number) => string): string {
  return [header, ...Array.from({ length: rows }, (_, i) => row(i))].join("\n") + "\n";
}

describe("a sampled CSV", () => {
  test("quotes, a BOM and CRLF are handled", () => {
    expect(parseHeader('\uFEFFcase_id,"service, name",status\r\n1,2,3')).toEqual([
      "case_id",
      "service, name",
      "status",
    ]);
  });

  test("a line break inside quotes stays in its cell; a cut last record is dropped", () => {
    const sample = parseCsvSample('a,b\n1,"x\ny"\n2,z\n3,par', true);
    expect(sample).toEqual({
      header: ["a", "b"],
      rows: [
        ["1", "x\ny"],
        ["2", "z"],
      ],
    });
  });
});

describe("the columns proposed from sampled rows", () => {
  test("311 exports: service_name is counted, case_record_type charted", () => {
    const text = csv("case_enquiry_id,open_dt,service_name,case_record_type,status", 60, (i) =>
      [
        100 + i,
        `2019-02-${String((i % 28) + 1).padStart(2, "0")} 08:00:00`,
        `service ${i % 9}`,
        ["Request", "Complaint"][i % 2],
        "Open",
      ].join(","),
    );
    const sample = parseCsvSample(text);
    expect(proposeColumns(profileColumns(sample), sample.rows.length)).toMatchObject({
      groupBy: "service_name",
      chartField: "case_record_type",
    });
  });

  test("311 columns are kept when the sample shows a single case_record_type", () => {
    const text = csv("case_enquiry_id,opened,service_name,case_record_type,status", 6, (i) =>
      [i, "2019-02-01", ["Pothole", "Graffiti"][i % 2], "Request", ["Open", "Closed"][i % 2]].join(","),
    );
    const sample = parseCsvSample(text);
    expect(proposeColumns(profileColumns(sample), sample.rows.length)).toMatchObject({
      groupBy: "service_name",
      chartField: "case_record_type",
    });
  });

  test("never a date, a number, an ID or free text as chartField; a few-valued text column instead", () => {
    // the date column comes first and has 30 values; the ID and the number differ on every row
    const text = csv("opened,ticket_id,amount,notes,category,source", 90, (i) =>
      [
        `2024-03-${String((i % 30) + 1).padStart(2, "0")}`,
        `T-${1000 + i}`,
        (i * 1.5).toFixed(2),
        `"a long free-text note about request ${i}, written by the caller, with details nobody groups by"`,
        `category ${i % 20}`,
        ["phone", "web", "app"][i % 3],
      ].join(","),
    );
    const sample = parseCsvSample(text);
    const profiles = profileColumns(sample);
    expect(profiles.map((p) => [p.name, p.kind])).toEqual([
      ["opened", "date"],
      ["ticket_id", "id"],
      ["amount", "number"],
      ["notes", "free text"],
      ["category", "text"],
      ["source", "text"],
    ]);
    const choice = proposeColumns(profiles, sample.rows.length);
    expect([choice.groupBy, choice.chartField]).toEqual(["category", "source"]);
    expect(choice.reasons.source).toMatch(
      /source: text, 3 distinct values in 90 rows: a category with at most 12 values/,
    );
    expect(choice.reasons.opened).toMatch(/a date/);
  });

  test("a column with more values than a chart can colour is not charted", () => {
    const text = csv("kind,area", 100, (i) => [`kind ${i % 30}`, `area ${i % 40}`].join(","));
    const sample = parseCsvSample(text);
    expect(proposeColumns(profileColumns(sample), sample.rows.length).chartField).toBeUndefined();
  });
});

// The demo's planted spike and new service come from the generator's extraRows option: it only adds
// rows of the named services at the end of each day, so the day's other rows keep their bytes.
import { expect, test } from "vitest";
import { CASE_AGE_COLUMN, generateDay, SAMPLE_COLUMNS } from "../scripts/sample/generate.js";
import { parseCsvSample } from "../src/init/index.js";

const DAY = new Date(Date.UTC(2020, 0, 15));
const SERVICE = SAMPLE_COLUMNS.indexOf("service_name");
const ID = SAMPLE_COLUMNS.indexOf("service_request_id");
const AGE = SAMPLE_COLUMNS.length;

test("extraRows appends rows of the named services after the day's unchanged rows", () => {
  const plain = generateDay(DAY, { caseAge: true });
  const extra = [
    { service: "Graffiti Removal", perDay: [7, 7] as [number, number] },
    { service: "Bulky Item Pickup", perDay: [3, 3] as [number, number] },
  ];
  const planted = generateDay(DAY, { caseAge: true, extraRows: extra });
  expect(planted.startsWith(plain)).toBe(true);
  const added = parseCsvSample(planted).rows.slice(parseCsvSample(plain).rows.length);
  expect(added.map((r) => r[SERVICE])).toEqual([
    ...Array(7).fill("Graffiti Removal"),
    ...Array(3).fill("Bulky Item Pickup"),
  ]);
  // numbered after the day's rows, each id once
  const ids = parseCsvSample(planted).rows.map((r) => r[ID]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(parseCsvSample(planted).header.at(-1)).toBe(CASE_AGE_COLUMN);
  // a new service's closed cases still close after they were requested
  for (const row of added) if (row[AGE]) expect(Number(row[AGE])).toBeGreaterThanOrEqual(0);
});

test("without extraRows nothing is added", () => {
  expect(generateDay(DAY, { extraRows: [] })).toBe(generateDay(DAY));
});

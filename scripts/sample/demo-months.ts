/**
 * The demo's raw files: 26 months (December 2017 .. January 2020) of generated daily exports with
 * the case_age_days column and the "Closed" status the reports of site-config.json read. The last
 * month has a planted spike (Graffiti Removal at about 2.5 times its usual volume) and a service no
 * earlier month has (Bulky Item Pickup), which "what changed" tells.
 */
import { generateMonth, type ExtraRows } from "./generate.ts";

/** The demo's months, oldest first: [year, month]. */
export const DEMO_MONTHS: readonly [number, number][] = Array.from({ length: 26 }, (_, i) => [
  2017 + Math.floor((11 + i) / 12),
  ((11 + i) % 12) + 1,
]);

/** Graffiti Removal has about 5.8 requests a day (14 of 96 weights, 20..60 rows); 7..11 more is about 2.5 times. */
export const DEMO_LAST_MONTH_EXTRA: readonly ExtraRows[] = [
  { service: "Graffiti Removal", perDay: [7, 11] },
  { service: "Bulky Item Pickup", perDay: [2, 5] },
];

/** Every daily file of the demo, as `{ key, body }`. */
export function demoFiles(): { key: string; body: string }[] {
  return DEMO_MONTHS.flatMap(([year, month], i) =>
    generateMonth(year, month, {
      // the encodings the first demo had: CRLF in February 2019, a byte-order mark in March 2019
      crlf: year === 2019 && month === 2,
      bom: year === 2019 && month === 3,
      caseAge: true,
      // the district column the map report (requests-by-area) groups by
      districts: true,
      ...(i === DEMO_MONTHS.length - 1 ? { extraRows: DEMO_LAST_MONTH_EXTRA } : {}),
    }),
  );
}

/**
 * A deterministic generator of realistic daily 311 exports (the same date and seed always give the
 * same bytes). Descriptions carry commas, quotes and newlines; a few rows have a blank service_name.
 * Options only add to a row: without them the bytes are those tests and snapshots were written against.
 */

export const SAMPLE_COLUMNS = [
  "service_request_id",
  "requested_datetime",
  "updated_datetime",
  "status",
  "service_name",
  "case_record_type",
  "lat",
  "lng",
  "council_district",
  "public_description",
  "media_url",
] as const;

/** Six more columns, as wide city exports have them (17 in all): for benchmarks. */
export const WIDE_COLUMNS = ["address", "zipcode", "agency", "source", "closed_datetime", "neighborhood"] as const;
/** The column `caseAge` adds (after WIDE_COLUMNS when both are asked for). */
export const CASE_AGE_COLUMN = "case_age_days";
const AGENCIES = ["Streets", "Environmental Services", "Police", "Parks", "Water"];
const SOURCES = ["Phone", "Web", "Mobile App", "Email"];
const NEIGHBORHOODS = ["North Park", "Downtown", "La Jolla", "Ocean Beach", "Hillcrest", "Barrio Logan"];

const SERVICES: [string, number][] = [
  ["Pothole in Street", 18],
  ["Graffiti Removal", 14],
  ["Illegal Dumping", 12],
  ["Missed Trash Pickup", 11],
  ["Streetlight Out", 9],
  ["Abandoned Vehicle", 8],
  ["Noise Complaint", 7],
  ["Tree Trimming", 6],
  ["Sidewalk Repair", 5],
  ["Water Leak", 4],
  ["Dead Animal Pickup", 3],
  ["", 1],
];
const RECORD_TYPES: [string, number][] = [
  ["Request", 6],
  ["Complaint", 3],
  ["Inquiry", 1],
];
const STATUSES: [string, number][] = [
  ["closed", 6],
  ["open", 3],
  ["in progress", 2],
];
/** The statuses as city exports capitalise them, which the demo's reports filter on ("Closed"). */
const CASE_STATUSES: [string, number][] = [
  ["Closed", 6],
  ["Open", 3],
  ["In progress", 2],
];
/** Closed cases of the service at index i of SERVICES take up to 3 + 4i days: each median differs. */
const CLOSE_DAYS_STEP = 4;
/** The share of closed cases whose case_age_days the export left blank. */
const BLANK_AGE_SHARE = 0.03;
const DAY_MS = 86_400_000;
const STREETS = ["Main St", "5th Ave", "Mission Blvd", "Oak St", "Harbor Dr", "Elm St", "Broadway", "Pine St"];
const DESCRIPTIONS = [
  (s: string) => `Large pothole near ${s}, about 2 feet wide`,
  (s: string) => `Caller says "it's been there for weeks", at ${s}`,
  (s: string) => `Bags of trash, a couch, and a mattress on ${s}`,
  (s: string) => `Light flickering at ${s}\nSecond report this month`,
  (s: string) => `Tagging on wall: "CREW 21"; near ${s}`,
  (s: string) => `Car with no plates parked on ${s} since Monday`,
  (s: string) => `Loud music, party at ${s}, "every weekend"`,
  (s: string) => `Branches over sidewalk at ${s}`,
];

/** Options of generateDay. */
export interface SampleDayOptions {
  /** Rows per file, inclusive range; defaults to [20, 60]. */
  rows?: [number, number];
  /** CRLF line endings (like Excel exports); defaults to false. */
  crlf?: boolean;
  /** Start with a UTF-8 BOM; defaults to false. */
  bom?: boolean;
  /** Add WIDE_COLUMNS (17 columns in all); defaults to false. */
  wide?: boolean;
  /**
   * Statuses "Closed", "Open", "In progress"; closed cases closed (updated_datetime) days after their
   * request, depending on the service, and a last column case_age_days: the whole days from
   * requested_datetime to updated_datetime, a few left blank; blank for the others. Defaults to false.
   */
  caseAge?: boolean;
  /**
   * A last column `district`: which of the made-up council districts of site/council-districts.geojson
   * (DEMO_DISTRICTS) holds the row's lat/lng ("District 1" … "District 6"). Defaults to false.
   */
  districts?: boolean;
  /**
   * Rows of named services appended after the day's other rows, drawn from their own random stream so
   * the other rows keep their bytes: a planted spike (more of a service) or a new service. None by default.
   */
  extraRows?: readonly ExtraRows[];
  seed?: number;
}

/** A service's extra rows per day, inclusive range. */
export interface ExtraRows {
  service: string;
  perDay: [number, number];
}

/** The column `districts` adds (last). */
export const DISTRICT_COLUMN = "district";

/**
 * The demo's districts as site/council-districts.geojson draws them: three columns of longitude by
 * two rows of latitude over the generated coordinates (lat 32.7..32.9, lng -117.25..-117.05), numbered
 * from the south-west; the file's borders wobble a little, which this grid ignores for rows near them.
 */
export const DEMO_DISTRICT_EDGES = { lng: [-117.25, -117.185, -117.115, -117.05], lat: [32.7, 32.795, 32.9] } as const;

/** The district of a generated location (see DEMO_DISTRICT_EDGES). */
export function demoDistrict(lat: number, lng: number): string {
  const column = DEMO_DISTRICT_EDGES.lng.slice(1, -1).filter((edge) => lng >= edge).length;
  const row = DEMO_DISTRICT_EDGES.lat.slice(1, -1).filter((edge) => lat >= edge).length;
  return `District ${row * 3 + column + 1}`;
}

/** The file name of a day in the default key pattern: `2019_jan_10_gid_requests.csv`. */
export function sampleKey(date: Date): string {
  const mon = date.toLocaleString("en-US", { month: "short", timeZone: "UTC" }).toLowerCase();
  return `${date.getUTCFullYear()}_${mon}_${String(date.getUTCDate()).padStart(2, "0")}_gid_requests.csv`;
}

/** One day's export as CSV text. */
export function generateDay(date: Date, options: SampleDayOptions = {}): string {
  const random = mulberry32((options.seed ?? 311) * 100_003 + Math.floor(date.getTime() / DAY_MS));
  const [min, max] = options.rows ?? [20, 60];
  const count = min + Math.floor(random() * (max - min + 1));
  const header = [
    ...SAMPLE_COLUMNS,
    ...(options.wide ? WIDE_COLUMNS : []),
    ...(options.caseAge ? [CASE_AGE_COLUMN] : []),
    ...(options.districts ? [DISTRICT_COLUMN] : []),
  ];
  const lines = [header.join(",")];
  for (let i = 0; i < count; i++) lines.push(generateRow(date, i, random, options).map(csvField).join(","));
  lines.push(...extraLines(date, count, options));
  const eol = options.crlf ? "\r\n" : "\n";
  return `${options.bom ? "\ufeff" : ""}${lines.join(eol)}${eol}`;
}

/** The extra rows' lines, numbered after the day's `count` rows. */
function extraLines(date: Date, count: number, options: SampleDayOptions): string[] {
  const lines: string[] = [];
  (options.extraRows ?? []).forEach(({ service, perDay: [min, max] }, k) => {
    const random = mulberry32((options.seed ?? 311) * 7_919 + (k + 1) * 104_729 + Math.floor(date.getTime() / DAY_MS));
    const n = min + Math.floor(random() * (max - min + 1));
    for (let j = 0; j < n; j++)
      lines.push(
        generateRow(date, count + lines.length, random, options, service)
          .map(csvField)
          .join(","),
      );
  });
  return lines;
}

/** The cells of row i. The draws made without options come first, in the same order: an option never changes the others' bytes. */
function generateRow(
  date: Date,
  i: number,
  random: () => number,
  options: SampleDayOptions,
  service?: string,
): string[] {
  const at = new Date(date.getTime() + Math.floor(random() * DAY_MS));
  const street = pick(
    random,
    STREETS.map((s) => [s, 1]),
  );
  const id = `${date.toISOString().slice(0, 10).replaceAll("-", "")}-${String(i + 1).padStart(4, "0")}`;
  const row = [
    id,
    timestampText(at),
    timestampText(new Date(at.getTime() + Math.floor(random() * 3 * DAY_MS))),
    pick(random, options.caseAge ? CASE_STATUSES : STATUSES),
    service ?? pick(random, SERVICES),
    pick(random, RECORD_TYPES),
    (32.7 + random() * 0.2).toFixed(6),
    (-117.25 + random() * 0.2).toFixed(6),
    String(1 + Math.floor(random() * 9)),
    DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)]!(street),
    random() < 0.3 ? `https://example.org/media/${id}.jpg` : "",
  ];
  const age = options.caseAge ? closeCase(row, at, random) : "";
  if (options.wide) row.push(...wideCells(row, street, random));
  if (options.caseAge) row.push(age);
  // drawn from the row's own coordinates, so the option takes no random draw and changes no other cell
  if (options.districts) row.push(demoDistrict(Number(row[6]), Number(row[7])));
  return row;
}

/** A closed case's updated_datetime moved to when it closed; returns its case_age_days cell. */
function closeCase(row: string[], at: Date, random: () => number): string {
  if (row[3] !== "Closed") return "";
  const known = SERVICES.findIndex(([name]) => name === row[4]);
  // a service of extraRows that SERVICES lacks closes as slowly as the slowest
  const service = known < 0 ? SERVICES.length : known;
  const days = Math.floor(random() ** 2 * (3 + CLOSE_DAYS_STEP * service));
  const closed = new Date(at.getTime() + days * DAY_MS + Math.floor(random() * DAY_MS));
  row[2] = timestampText(closed);
  const age = Math.floor((closed.getTime() - at.getTime()) / DAY_MS);
  return random() < BLANK_AGE_SHARE ? "" : String(age);
}

/** WIDE_COLUMNS' cells; closed_datetime repeats updated_datetime. */
function wideCells(row: readonly string[], street: string, random: () => number): string[] {
  return [
    `${100 + Math.floor(random() * 9900)} ${street}`,
    String(92101 + Math.floor(random() * 80)),
    AGENCIES[Math.floor(random() * AGENCIES.length)]!,
    SOURCES[Math.floor(random() * SOURCES.length)]!,
    row[2]!,
    NEIGHBORHOODS[Math.floor(random() * NEIGHBORHOODS.length)]!,
  ];
}

/** `2019-01-10 08:30:00`: ISO 8601 with a space, no offset, as the exports write it. */
function timestampText(at: Date): string {
  return at.toISOString().replace("T", " ").slice(0, 19);
}

/** Every day of a month, as `{ key, body }`. */
export function generateMonth(
  year: number,
  month: number,
  options: SampleDayOptions = {},
): { key: string; body: string }[] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1, i + 1));
    return { key: sampleKey(date), body: generateDay(date, options) };
  });
}

/** Quote a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function pick(random: () => number, weighted: [string, number][]): string {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

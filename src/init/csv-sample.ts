/** The header and rows of the first bytes of a CSV file (quotes, a BOM, CRLF handled). Pure. */

/** A sampled CSV: its header and the complete records read. */
export interface CsvSample {
  header: string[];
  rows: string[][];
}

/**
 * Parse the text of a file's beginning. When `cut` (the text stops inside the file), the last
 * record may be partial and is dropped.
 */
export function parseCsvSample(text: string, cut = false): CsvSample {
  const records = parseRecords(text.replace(/^\uFEFF/, ""));
  if (cut) records.pop();
  const [header = [], ...rows] = records;
  return { header: header.map((n) => n.trim()).filter(Boolean), rows };
}

/** The column names of a CSV's first line. */
export function parseHeader(text: string): string[] {
  return parseCsvSample(text).header;
}

function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== "," && char !== "\n" && char !== "\r")) {
      cell += char;
    } else if (char === ",") {
      record.push(cell);
      cell = "";
    } else {
      if (char === "\r" && text[i + 1] === "\n") i++;
      records.push([...record, cell]);
      record = [];
      cell = "";
    }
  }
  if (cell !== "" || record.length > 0) records.push([...record, cell]);
  return records;
}

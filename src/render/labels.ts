/** Pure: the words a reader sees for a column name. */

/** The label of the report's own `count` column unless the config names it. */
export const COUNT_LABEL = "Requests";

/**
 * The human label of a column: the config's `report.labels` entry, else one derived from the name
 * (`service_name` -> "Service name", `caseRecordType` -> "Case record type").
 * @example labelFor("service_name", {}) // "Service name"
 */
export function labelFor(column: string, labels: Readonly<Record<string, string>>): string {
  const configured = Object.hasOwn(labels, column) ? labels[column] : undefined;
  if (configured) return configured;
  if (column === "count") return COUNT_LABEL;
  const words = column
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.\s]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : column;
}

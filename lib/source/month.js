/** Pure: months, and which raw keys belong to which month. */
import { MONTH_ABBREVIATIONS } from "../config/index.js";
/** `2019-01` */
export function monthId({ year, month }) {
    return `${year}-${String(month).padStart(2, "0")}`;
}
/** `jan` */
export function monthAbbreviation({ month }) {
    return MONTH_ABBREVIATIONS[month - 1];
}
/** `January 2019` */
export function monthTitle({ year, month }) {
    return `${new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" })} ${year}`;
}
/** Number of days in the month. */
export function daysInMonth({ year, month }) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** Parse `2019-01` (from --month); undefined when it is not a month. */
export function parseMonth(text) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
    return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}
/** Date a raw key by the config's key pattern (applied to the key after raw.prefix); undefined when it does not match. */
export function dateRawKey(config, object) {
    if (!object.key.startsWith(config.raw.prefix))
        return undefined;
    const date = config.raw.keyPattern.match(object.key.slice(config.raw.prefix.length));
    if (!date)
        return undefined;
    const month = { year: date.year, month: date.month };
    if (date.day !== undefined && date.day > daysInMonth(month))
        return undefined;
    return { ...object, month, day: date.day };
}
/** Objects grouped by month, months in calendar order and each month's objects by day, then key. */
export function groupByMonth(objects) {
    const sorted = [...objects].sort((a, b) => monthId(a.month).localeCompare(monthId(b.month)) || (a.day ?? 0) - (b.day ?? 0) || (a.key < b.key ? -1 : 1));
    const months = new Map();
    for (const object of sorted) {
        const id = monthId(object.month);
        const entry = months.get(id) ?? { month: object.month, objects: [] };
        entry.objects.push(object);
        months.set(id, entry);
    }
    return months;
}

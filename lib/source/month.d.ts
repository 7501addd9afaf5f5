/** Pure: months, and which raw keys belong to which month. */
import { type SiteConfig } from "../config/index.js";
/** A calendar month of data, e.g. { year: 2019, month: 1 }. */
export interface Month {
    year: number;
    /** 1..12 */
    month: number;
}
/** `2019-01` */
export declare function monthId({ year, month }: Month): string;
/** `jan` */
export declare function monthAbbreviation({ month }: Month): string;
/** `January 2019` */
export declare function monthTitle({ year, month }: Month): string;
/** Number of days in the month. */
export declare function daysInMonth({ year, month }: Month): number;
/** Parse `2019-01` (from --month); undefined when it is not a month. */
export declare function parseMonth(text: string): Month | undefined;
/** A raw object found in the listing. */
export interface RawObject {
    key: string;
    size: number;
    etag?: string;
    lastModified?: Date;
}
/** A raw object with the date its key names. */
export interface DatedObject extends RawObject {
    month: Month;
    /** Day of month, when the key pattern has {day}. */
    day?: number;
}
/** Date a raw key by the config's key pattern (applied to the key after raw.prefix); undefined when it does not match. */
export declare function dateRawKey(config: Pick<SiteConfig, "raw">, object: RawObject): DatedObject | undefined;
/** Objects grouped by month, months in calendar order and each month's objects by day, then key. */
export declare function groupByMonth(objects: readonly DatedObject[]): Map<string, {
    month: Month;
    objects: DatedObject[];
}>;

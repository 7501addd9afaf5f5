/** Headers of one file. */
export interface FileHeaders {
    /** IANA media type, with `; charset=utf-8` for text types, e.g. `text/html; charset=utf-8`. */
    contentType: string;
    cacheControl: string;
    /** False when the extension is unknown and the type fell back to application/octet-stream. */
    knownType: boolean;
}
/** HTML and the data files may be replaced by the next build, so browsers revalidate them. */
export declare const REVALIDATE = "no-cache";
/** The chart scripts change only with a reportsite upgrade; an hour keeps that upgrade visible soon. */
export declare const ASSET_CACHE = "public, max-age=3600";
/**
 * Content-Type and Cache-Control for a key (relative to the site root).
 * @example headersFor("2019/jan/final_report.csv") // { contentType: "text/csv; charset=utf-8", cacheControl: "no-cache", knownType: true }
 */
export declare function headersFor(key: string): FileHeaders;

/** Pure: the HTTP headers a site file is served with. Deploy and preview both use this, so they agree. */
import mime from "mime-types";
import { ASSETS_FOLDER } from "../site-names.js";

/** Headers of one file. */
export interface FileHeaders {
  /** IANA media type, with `; charset=utf-8` for text types, e.g. `text/html; charset=utf-8`. */
  contentType: string;
  cacheControl: string;
  /** False when the extension is unknown and the type fell back to application/octet-stream. */
  knownType: boolean;
}

/** Types that are text although their IANA type is not `text/*`. */
const TEXT_TYPES = new Set(["application/json", "application/javascript", "image/svg+xml", "application/xml"]);

/** HTML and the data files may be replaced by the next build, so browsers revalidate them. */
export const REVALIDATE = "no-cache";
/** The chart scripts change only with a reportsite upgrade; an hour keeps that upgrade visible soon. */
export const ASSET_CACHE = "public, max-age=3600";

/**
 * Content-Type and Cache-Control for a key (relative to the site root).
 * @example headersFor("2019/jan/final_report.csv") // { contentType: "text/csv; charset=utf-8", cacheControl: "no-cache", knownType: true }
 */
export function headersFor(key: string): FileHeaders {
  const type = mime.lookup(key);
  const contentType = !type
    ? "application/octet-stream"
    : type.startsWith("text/") || TEXT_TYPES.has(type)
      ? `${type}; charset=utf-8`
      : type;
  return {
    contentType,
    cacheControl: key.startsWith(ASSETS_FOLDER) ? ASSET_CACHE : REVALIDATE,
    knownType: type !== false,
  };
}

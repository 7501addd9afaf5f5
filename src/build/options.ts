/** What a caller asks of a build, and what follows from it for the rest of the stage. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { Logger } from "../log.js";
import type { Month } from "../source/index.js";

/** Options of buildSite. */
export interface BuildOptions {
  /** Only these months are read from S3 (default: every month with raw data); the other cached months are reused. */
  months?: readonly Month[];
  /** Publish months without the files that fail to parse (warned about) instead of failing. */
  skipBadFiles?: boolean;
  /** Read every raw file again, whatever the cache holds. */
  force?: boolean;
  /** Build from the cache alone, without S3 (for re-rendering after a template or config change). */
  offline?: boolean;
  logger: Logger;
  /** A client to use instead of one made from the config. */
  client?: S3Client;
  /** For testing only! The clock used for the index's LastModified column. */
  now?: () => Date;
}

/** Whether this build makes every month from the listing: only then is its site what siteInputs names. */
export function wholeSite(options: BuildOptions): boolean {
  return !options.months && !options.offline;
}

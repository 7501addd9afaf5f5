/**
 * The state: what reportsite remembers between runs, in the cache folder (`.reportsite/cache/` by
 * default, `cache` in the config), so CI keeps all of it with one `actions/cache` step. Every file
 * under it:
 *
 * | file                       | what it holds                                                     | written by          | read by       |
 * | -------------------------- | ----------------------------------------------------------------- | ------------------- | ------------- |
 * | `manifest.json`            | the fingerprint of the config the counts depend on; each month    | build               | build         |
 * |                            | file's checksum (written last: an interrupted save keeps the old) |                     |               |
 * | `months/2019-01.json`      | a month's raw files: key, size, ETag, LastModified, rows, tallies | build               | build         |
 * | `pages/<fingerprint>.json` | rendered pages, named by the fingerprint of what they came from   | build               | build         |
 * | `output.json`              | the output record: what the last build left in its output folder, | build (also --month)| build, deploy |
 * |                            | the fingerprints it was made from, each file's stamp and MD5      |                     |               |
 * | `published-<target>.json`  | the published-headers memory of one site bucket and prefix: what  | deploy (not         | deploy        |
 * |                            | a HEAD answered for each published file's version                 | --dry-run)          |               |
 * | `invalidation-<id>.json`   | the pending paths of one CloudFront distribution: paths a  | deploy (not         | deploy        |
 * |                            | deploy changed that CloudFront has not yet accepted to invalidate | --dry-run)          |               |
 *
 * Every file is `{"format":N,"checksum":…,"data":…}` (state-file.ts), written atomically. A file of
 * another format, not JSON, whose checksum differs or whose data has the wrong shape is ignored with
 * one form of warning (`ignoring <file>: <why>; <what happens instead>`) and its content is rebuilt
 * or asked again. Deploy trusts a recorded MD5 only while its file still has the stamp recorded with it.
 */
export { openBuildCache } from "./build-cache.js";
export type { BuildCache } from "./build-cache.js";
export type { CachedFile, ListedFile } from "./cached-file.js";
export { recordedMd5s, OUTPUT_RECORD_FORMAT } from "./output-record.js";
export type { AbsentColumn, OutputRecord, RecordedMonth } from "./output-record.js";
export { readPublishedMemory, writePublishedMemory, rememberedHeaders } from "./published-memory.js";
export type { SeenHeaders } from "./published-memory.js";
export { sha256 } from "./state-file.js";
export {
  readPendingInvalidation,
  writePendingInvalidation,
  clearPendingInvalidation,
  pendingPath,
} from "./pending-invalidation.js";
export type { PendingInvalidation } from "./pending-invalidation.js";

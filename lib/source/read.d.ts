/** Stream one raw object from S3 into the CSV parser (no download to disk). */
import { type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { type ParseOptions, type RawFile } from "./parse.js";
/** Read and parse one raw CSV object. S3 failures become S3Error, bad content SourceError (key + line). */
export declare function readCsvObject(client: S3Client, config: SiteConfig, key: string, options: ParseOptions): Promise<RawFile>;

import { DEFAULT_CONFIG_FILE } from "./file.js";
import { type KeyPattern } from "./key-pattern.js";
import { type SiteConfigSpec } from "./schema.js";
export { DEFAULT_CONFIG_FILE };
/** Cell values pandas.read_csv reads as NaN by default (pandas' STR_NA_VALUES). */
export declare const PANDAS_MISSING_VALUES: string[];
/** Timeouts and retries of every S3 request. */
export interface S3Settings {
    /** Defaults to S3_CONNECT_TIMEOUT_MS_DEFAULT (10 s). */
    readonly connectTimeoutMs: number;
    /** Silence allowed while waiting for (or reading) an answer; defaults to S3_REQUEST_TIMEOUT_MS_DEFAULT (30 s). */
    readonly requestTimeoutMs: number;
    /** Defaults to S3_MAX_ATTEMPTS_DEFAULT (3). */
    readonly maxAttempts: number;
}
/** The validated configuration every stage receives; nothing in it is undefined unless optional by nature. */
export interface SiteConfig {
    /** Absolute path of the config file (or `<inline>`). */
    readonly file: string;
    readonly region: string;
    /** Custom S3 endpoint; undefined for AWS. */
    readonly endpoint?: string;
    /** Defaults to true when endpoint is set. */
    readonly forcePathStyle: boolean;
    /** Website endpoint of a custom S3 server, e.g. http://127.0.0.1:7482. */
    readonly websiteEndpoint?: string;
    /** Timeouts and retries of every S3 request. */
    readonly s3: S3Settings;
    readonly raw: {
        readonly bucket: string;
        /** Empty or ending in `/`. */
        readonly prefix: string;
        readonly keyPattern: KeyPattern;
        /** Defaults to 16. */
        readonly concurrency: number;
    };
    readonly site: {
        readonly bucket: string;
        /** Empty or ending in `/`. */
        readonly prefix: string;
        readonly title: string;
        /** Defaults to `{year}/{mon}`. */
        readonly monthPath: string;
        readonly files: {
            readonly csv: string;
            readonly table: string;
            readonly chart: string;
        };
        /** Defaults to auto. */
        readonly publicAccess: "auto" | "acl" | "policy";
    };
    readonly report: {
        /** Defaults to ["service_name"]. */
        readonly groupBy: readonly string[];
        /** Defaults to case_record_type. */
        readonly chartField: string;
        /** Defaults to groupBy + "count". */
        readonly columns: readonly string[];
        readonly linkColumns: readonly string[];
        /** groupBy + chartField + requiredColumns, without repeats. */
        readonly requiredColumns: readonly string[];
        /** Defaults to PANDAS_MISSING_VALUES. */
        readonly missingValues: readonly string[];
    };
    /** Absolute path of the output folder; defaults to <config dir>/dist. */
    readonly output: string;
    /** Absolute path of the incremental build cache; defaults to <config dir>/.reportsite/cache. */
    readonly cache: string;
}
/** Values given on the command line; they win over the file. */
export interface ConfigOverrides {
    output?: string;
    /** --region: wins over the file's region. */
    region?: string;
    /** --endpoint-url: wins over the file's endpoint (and turns on path-style requests, as the file's would). */
    endpoint?: string;
}
/** Read and validate a config file. Relative paths in it resolve against the file's folder. */
export declare function loadConfig(path?: string, overrides?: ConfigOverrides): Promise<SiteConfig>;
/** Validate an already-parsed config object. Throws ConfigError listing every problem. */
export declare function configFromSpec(spec: unknown, { file, baseDir, overrides, }?: {
    file?: string;
    baseDir?: string;
    overrides?: ConfigOverrides;
}): SiteConfig;
export type { SiteConfigSpec };

/**
 * The one source of site-config.json's shape: the zod schema gives the TypeScript type,
 * the runtime validator and (scripts/write-config-schema.ts) site-config.schema.json.
 */
import { z } from "zod";
/** A connection to the S3 endpoint that takes longer than this is a failed attempt (retried). */
export declare const S3_CONNECT_TIMEOUT_MS_DEFAULT = 10000;
/** A request whose server sends nothing for this long is a failed attempt (retried): a stall never hangs a run. */
export declare const S3_REQUEST_TIMEOUT_MS_DEFAULT = 30000;
/** The SDK's standard retry mode: 3 attempts, with backoff, for throttling, 5xx, resets and timeouts. */
export declare const S3_MAX_ATTEMPTS_DEFAULT = 3;
export declare const siteConfigSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    region: z.ZodDefault<z.ZodString>;
    endpoint: z.ZodOptional<z.ZodURL>;
    forcePathStyle: z.ZodOptional<z.ZodBoolean>;
    websiteEndpoint: z.ZodOptional<z.ZodURL>;
    s3: z.ZodPrefault<z.ZodObject<{
        connectTimeoutMs: z.ZodDefault<z.ZodInt>;
        requestTimeoutMs: z.ZodDefault<z.ZodInt>;
        maxAttempts: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>>;
    raw: z.ZodObject<{
        bucket: z.ZodString;
        prefix: z.ZodDefault<z.ZodString>;
        keyPattern: z.ZodDefault<z.ZodString>;
        concurrency: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>;
    site: z.ZodObject<{
        bucket: z.ZodString;
        prefix: z.ZodDefault<z.ZodString>;
        title: z.ZodDefault<z.ZodString>;
        monthPath: z.ZodDefault<z.ZodString>;
        files: z.ZodPrefault<z.ZodObject<{
            csv: z.ZodDefault<z.ZodString>;
            table: z.ZodDefault<z.ZodString>;
            chart: z.ZodDefault<z.ZodString>;
        }, z.core.$strict>>;
        publicAccess: z.ZodDefault<z.ZodEnum<{
            auto: "auto";
            acl: "acl";
            policy: "policy";
        }>>;
    }, z.core.$strict>;
    report: z.ZodPrefault<z.ZodObject<{
        groupBy: z.ZodDefault<z.ZodArray<z.ZodString>>;
        chartField: z.ZodDefault<z.ZodString>;
        columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
        linkColumns: z.ZodDefault<z.ZodArray<z.ZodString>>;
        requiredColumns: z.ZodDefault<z.ZodArray<z.ZodString>>;
        missingValues: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>;
    output: z.ZodDefault<z.ZodString>;
    cache: z.ZodDefault<z.ZodString>;
}, z.core.$strict>;
/** site-config.json as the user wrote it. */
export type SiteConfigSpec = z.input<typeof siteConfigSchema>;

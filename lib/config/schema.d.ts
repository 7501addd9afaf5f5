/**
 * The one source of site-config.json's shape: the zod schema gives the TypeScript type,
 * the runtime validator and (scripts/write-config-schema.ts) site-config.schema.json.
 */
import { z } from "zod";
export declare const siteConfigSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    region: z.ZodDefault<z.ZodString>;
    endpoint: z.ZodOptional<z.ZodURL>;
    forcePathStyle: z.ZodOptional<z.ZodBoolean>;
    websiteEndpoint: z.ZodOptional<z.ZodURL>;
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

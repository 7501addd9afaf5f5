import { DeployError } from "../errors.js";
import { createS3Client, encodeKey, websiteRoot } from "../s3/index.js";
import { BUILD_MARKER, headersFor, isBuiltSite, readSite } from "../site/index.js";
import { executeSyncPlan } from "./execute.js";
import { formatPlan, formatReport } from "./format.js";
import { INDEX_KEY, MAX_DELETES_DEFAULT, planSync } from "./plan.js";
import { addRemoteHeaders, listRemote } from "./remote.js";
import { ensureSiteBucket } from "./setup.js";
/** Publish config.output to the site bucket. */
export async function deploySite(config, options, effects) {
    const { logger } = effects;
    const client = effects.client ?? createS3Client(config);
    const site = {
        client,
        bucket: config.site.bucket,
        prefix: config.site.prefix,
        endpoint: config.endpoint,
    };
    const url = `${websiteRoot(config, config.site.bucket)}${encodeKey(config.site.prefix)}`;
    // checked before every file is hashed: a foreign folder may be large
    const built = await isBuiltSite(config.output);
    const local = built ? (await readSite(config.output)).map((file) => ({ ...file, ...headersFor(file.key) })) : [];
    if (!built || !local.some((f) => f.key === INDEX_KEY)) {
        // an empty or foreign folder must not be synced: with --delete it would unpublish the site
        throw new DeployError(`${config.output} is not a site written by \`reportsite build\` (no ${BUILD_MARKER} marker or no ${INDEX_KEY}); nothing was uploaded or deleted`, "read", undefined, {
            hint: "Run `reportsite build` first, or point --output at the folder it built.",
        });
    }
    for (const file of local.filter((f) => !f.knownType))
        logger.warn(`${file.key}: unknown file type, uploaded as application/octet-stream`);
    const bucket = await ensureSiteBucket(client, config, { dryRun: options.dryRun, logger });
    const remote = bucket.created || (options.dryRun && bucket.changes.some((c) => c.startsWith("create")))
        ? []
        : await listRemote(site);
    const withHeaders = await addRemoteHeaders(site, remote, new Set(local.map((f) => f.key)));
    const plan = planSync(local, withHeaders, {
        access: bucket.access,
        delete: options.delete ?? false,
        maxDeletes: options.maxDeletes ?? MAX_DELETES_DEFAULT,
        force: options.force ?? false,
    });
    if (options.dryRun) {
        for (const line of formatPlan(plan, bucket.changes))
            logger.info(line);
        return { plan, url, setup: bucket.changes };
    }
    for (const change of bucket.changes)
        logger.info(`setup: ${change}`);
    if (plan.blockedDeletes)
        logger.warn(`not deleting ${plan.blockedDeletes.count} stale files: more than --max-deletes ${plan.blockedDeletes.max}. Raise it (--max-deletes ${plan.blockedDeletes.count}) or pass --force.`);
    const indexHeaders = headersFor(INDEX_KEY);
    const report = await executeSyncPlan(plan, {
        site,
        access: bucket.access,
        renderIndex: effects.renderIndex,
        indexHeaders,
        logger,
        multipartThreshold: effects.multipartThreshold,
    });
    logger.info(formatReport(report));
    return { plan, report, url, setup: bucket.changes };
}
export { ensureSiteBucket } from "./setup.js";
export { planSync, countUploads, MAX_DELETES_DEFAULT, INDEX_KEY } from "./plan.js";
export { executeSyncPlan } from "./execute.js";
export { formatPlan, formatReport } from "./format.js";
export { listRemote, addRemoteHeaders, md5FromEtag } from "./remote.js";

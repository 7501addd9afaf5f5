import { DeployError, ReportsiteError } from "../errors.js";
import { createS3Client, encodeKey, websiteRoot } from "../s3/index.js";
import { BUILD_MARKER, headersFor, isBuiltSite, readSite } from "../site/index.js";
import { executeSyncPlan } from "./execute.js";
import { formatPlan, formatReport } from "./format.js";
import { INDEX_KEY, MAX_DELETES_DEFAULT, planSync } from "./plan.js";
import { addRemoteAccess, addRemoteHeaders, listRemote } from "./remote.js";
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
    const { bucket, remote } = await gatherRemote(site, config, options, new Set(local.map((f) => f.key)), logger);
    const plan = planSync(local, remote, {
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
        republishIndex: remote.some((r) => r.key === INDEX_KEY && r.publicRead === false),
    });
    logger.info(formatReport(report));
    return { plan, report, url, setup: bucket.changes };
}
/** Set up the bucket, list it, and learn each object's headers (and with --verify-access its ACL): the plan's remote side. */
async function gatherRemote(site, config, options, localKeys, logger) {
    const bucket = await unchangedOnFailure("setup of the site bucket", () => ensureSiteBucket(site.client, config, { dryRun: options.dryRun, logger }));
    const listed = bucket.created || (options.dryRun && bucket.changes.some((c) => c.startsWith("create")))
        ? []
        : await unchangedOnFailure("listing the site bucket", () => listRemote(site));
    const remote = await unchangedOnFailure("reading the published files' headers", () => addRemoteHeaders(site, listed, localKeys));
    if (!options.verifyAccess)
        return { bucket, remote };
    if (bucket.access === "policy") {
        logger.info("verify-access: the bucket policy makes every object under the prefix public; no ACL to check");
        return { bucket, remote };
    }
    const checked = await unchangedOnFailure("reading the published files' ACLs", () => addRemoteAccess(site, remote));
    for (const object of checked.filter((o) => o.publicRead === false && !localKeys.has(o.key)))
        logger.warn(`${object.key} is listed in index.html but not readable by everyone, and dist/ does not have it to upload again: make it public (reportsite acl ${object.key} public-read) or remove it (deploy --delete)`);
    return { bucket, remote: checked };
}
/**
 * Run a step that comes before the first upload. Its S3 failures become a DeployError that says what
 * the live site looks like (untouched), as every deploy failure does; setup's own DeployErrors say it already.
 */
async function unchangedOnFailure(step, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof DeployError || !(error instanceof ReportsiteError))
            throw error;
        throw new DeployError(`${step} failed: ${error.message}. No file was uploaded or deleted: the live site is as it was.`, "prepare", undefined, { hint: [error.hint, "Run deploy again when the cause is fixed."].filter(Boolean).join("\n"), cause: error });
    }
}
export { ensureSiteBucket } from "./setup.js";
export { planSync, countUploads, MAX_DELETES_DEFAULT, INDEX_KEY } from "./plan.js";
export { executeSyncPlan } from "./execute.js";
export { formatPlan, formatReport } from "./format.js";
export { listRemote, addRemoteHeaders, addRemoteAccess, md5FromEtag } from "./remote.js";

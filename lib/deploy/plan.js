/** Pure: what a deploy must upload, leave alone and delete. No SDK, no fs: the same input gives the same plan. */
/** The keys the planner never uploads or deletes itself: the executor renders index.html from the bucket listing. */
export const INDEX_KEY = "index.html";
export const MAX_DELETES_DEFAULT = 100;
/**
 * Compare dist/ with the bucket by content (MD5) and headers, never by timestamps, so a fresh
 * checkout uploads nothing that did not change.
 */
export function planSync(local, remote, options) {
    const remoteByKey = new Map(remote.map((r) => [r.key, r]));
    const uploads = [];
    const unchanged = [];
    for (const file of local) {
        if (file.key === INDEX_KEY)
            continue;
        const change = compare(file, remoteByKey.get(file.key), options.access);
        if (change)
            uploads.push({ ...file, ...change });
        else
            unchanged.push(file.key);
    }
    const localKeys = new Set(local.map((f) => f.key));
    const stale = remote
        .map((r) => r.key)
        .filter((k) => !localKeys.has(k) && k !== INDEX_KEY)
        .sort();
    const overCap = options.delete && !options.force && stale.length > options.maxDeletes;
    const deletes = options.delete && !overCap ? stale : [];
    return {
        groups: [uploads.filter((u) => !isPage(u)), uploads.filter(isPage)]
            .filter((g) => g.length > 0)
            .map((g) => g.sort(byKey)),
        deletes,
        unchanged: unchanged.sort(),
        kept: options.delete && !overCap ? [] : stale,
        blockedDeletes: overCap ? { count: stale.length, max: options.maxDeletes } : undefined,
    };
}
function compare(file, remote, access) {
    if (!remote)
        return { reason: "new" };
    if (remote.size !== file.size)
        return { reason: "size changed" };
    // an unknown remote MD5 (multipart upload by another tool) cannot be trusted to match
    if (remote.md5 !== file.md5)
        return { reason: "content changed" };
    // its metadata still says public, but someone made it private since (e.g. `reportsite acl KEY private`)
    if (access === "acl" && remote.publicRead === false)
        return { reason: "access changed", detail: "not readable by everyone; uploaded again with public-read" };
    const changes = [
        ["Content-Type", remote.contentType, file.contentType],
        ["Cache-Control", remote.cacheControl, file.cacheControl],
        ["access", remote.access, access],
    ].filter(([, was, want]) => was !== want);
    if (changes.length === 0)
        return undefined;
    return {
        reason: "headers changed",
        detail: changes
            .map(([name, was, want]) => `${name}: ${JSON.stringify(was ?? null)} -> ${JSON.stringify(want)}`)
            .join(", "),
    };
}
function isPage(file) {
    return file.contentType.startsWith("text/html");
}
function byKey(a, b) {
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
/** Number of uploads in a plan. */
export function countUploads(plan) {
    return plan.groups.reduce((n, g) => n + g.length, 0);
}

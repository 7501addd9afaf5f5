/** The deploy step that `deploy` and `publish` run: --delete, --max-deletes, the deploy lock's flags and the site's URL. */
import { UsageError } from "../errors.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SiteSummary } from "../render/index.js";
import { SUMMARY_JSON } from "../site-names.js";
import type { SiteConfig } from "../config/index.js";
import type { BuiltTheme } from "../site/index.js";
import type { DeployEffects, DeployOptions, DeployResult } from "../deploy/index.js";
import type { CommandContext } from "./command.js";

/** The CloudFront flags: the distribution to invalidate, and whether (and how long) to wait for it. */
const CDN_OPTIONS = {
  "distribution-id": { type: "string" },
  wait: { type: "boolean" },
  "wait-timeout": { type: "string" },
} as const;

/** The deploy flags of `deploy` and `publish`: --delete, --max-deletes, the deploy lock's and CloudFront's. */
export const DEPLOY_OPTIONS = {
  delete: { type: "boolean" },
  "max-deletes": { type: "string" },
  "wait-for-lock": { type: "string" },
  "break-lock": { type: "boolean" },
  ...CDN_OPTIONS,
} as const;

/** Help lines of the deploy lock's flags, the same for `deploy` and `publish`. */
export const LOCK_FLAGS = {
  "wait-for-lock SECONDS":
    "when another deploy holds the site's deploy lock, wait up to SECONDS for it (default 0: stop at once, naming it)",
  "break-lock": "take the deploy lock even though another deploy holds it (only when you know that deploy is dead)",
};

/** Seconds --wait waits for an invalidation to complete, unless --wait-timeout says otherwise. */
const INVALIDATION_WAIT_SECONDS = 600;

/** Help lines of the CloudFront flags, the same for `deploy` and `publish`. */
export const CDN_FLAGS = {
  "distribution-id ID":
    "after the upload, invalidate the changed paths on this CloudFront distribution (over site.cloudfront.distributionId)",
  wait: "wait for the CloudFront invalidation to complete",
  "wait-timeout SECONDS": `how long --wait waits before it fails (default ${INVALIDATION_WAIT_SECONDS})`,
};

/** The values of DEPLOY_OPTIONS as deploy options; a UsageError when a number is not a whole one. */
export function deployFlagsOf(
  values: DeployFlagValues,
  command: string,
): Pick<
  DeployOptions,
  | "delete"
  | "maxDeletes"
  | "waitForLockSeconds"
  | "breakLock"
  | "lockTtlSeconds"
  | "command"
  | "distributionId"
  | "waitForInvalidationSeconds"
> {
  return {
    delete: values.delete === true,
    maxDeletes: maxDeletesOf(values["max-deletes"]),
    ...lockFlagsOf(values, command),
    ...cdnFlagsOf(values),
  };
}

/** The parsed values of DEPLOY_OPTIONS. */
type DeployFlagValues = {
  delete?: boolean;
  "max-deletes"?: string;
  "wait-for-lock"?: string;
  "break-lock"?: boolean;
  "distribution-id"?: string;
  wait?: boolean;
  "wait-timeout"?: string;
};

/** --distribution-id, --wait and --wait-timeout as deploy options; a UsageError for a malformed id or timeout. */
function cdnFlagsOf(
  values: Pick<DeployFlagValues, "distribution-id" | "wait" | "wait-timeout">,
): Pick<DeployOptions, "distributionId" | "waitForInvalidationSeconds"> {
  const id = values["distribution-id"];
  if (id !== undefined && !/^[A-Z0-9]{1,128}$/.test(id))
    throw new UsageError(`--distribution-id ${id}: expected a CloudFront distribution id such as E2QWRUHAPOMQZL`);
  const text = values["wait-timeout"];
  const timeout = text === undefined ? INVALIDATION_WAIT_SECONDS : Number(text);
  if (!(Number.isInteger(timeout) && timeout > 0))
    throw new UsageError(`--wait-timeout ${text}: expected a whole number of seconds above 0`);
  if (text !== undefined && values.wait !== true) throw new UsageError("--wait-timeout needs --wait");
  return { distributionId: id, waitForInvalidationSeconds: values.wait === true ? timeout : undefined };
}

/** --max-deletes N as a number (undefined when not given); a UsageError when N is not a whole number. */
function maxDeletesOf(text: string | undefined): number | undefined {
  const maxDeletes = text === undefined ? undefined : Number(text);
  if (maxDeletes !== undefined && !(Number.isInteger(maxDeletes) && maxDeletes >= 0))
    throw new UsageError(`--max-deletes ${text}: expected a whole number`);
  return maxDeletes;
}

/** For testing only! Seconds a deploy lock lasts unrenewed, so a test sees a crashed holder's lock expire. */
const LOCK_TTL_ENV = "REPORTSITE_TEST_DEPLOY_LOCK_TTL_SECONDS";

/** --wait-for-lock and --break-lock as deploy options; a UsageError when SECONDS is not a whole number. */
function lockFlagsOf(
  values: { "wait-for-lock"?: string; "break-lock"?: boolean },
  command: string,
): Pick<DeployOptions, "waitForLockSeconds" | "breakLock" | "lockTtlSeconds" | "command"> {
  const text = values["wait-for-lock"];
  const waitForLockSeconds = text === undefined ? undefined : Number(text);
  if (waitForLockSeconds !== undefined && !(Number.isInteger(waitForLockSeconds) && waitForLockSeconds >= 0))
    throw new UsageError(`--wait-for-lock ${text}: expected a whole number of seconds`);
  const ttl = Number(process.env[LOCK_TTL_ENV]);
  return {
    waitForLockSeconds,
    breakLock: values["break-lock"] === true,
    lockTtlSeconds: ttl > 0 ? ttl : undefined,
    command,
  };
}

/**
 * Deploy config.output with the index rendered in the project's layout, and print the site's URL
 * (not under --json, where the caller prints the result). `shared`: publish's client and the site
 * bucket's answers it asked for while building.
 */
export async function deployReported(
  config: SiteConfig,
  ctx: CommandContext,
  options: DeployOptions,
  shared: Pick<DeployEffects, "client" | "ahead"> = {},
): Promise<DeployResult> {
  const { deploySite } = await import("../deploy/index.js");
  const { renderIndexPage, unsafeSiteKeys } = await import("../render/index.js");
  const { siteUrl } = await import("../s3/index.js");
  // the home page's month cards come from the build's summary.json; the file listing from the bucket
  const summary = await readSummary(config.output);
  // index.html is re-rendered from the bucket listing in the build's look, naming the assets it copied
  const { title, theme } = await builtTheme(config, ctx);
  const result = await deploySite(config, options, {
    logger: ctx.logger,
    ...shared,
    renderIndex: (entries) => {
      for (const key of unsafeSiteKeys(entries.map((e) => e.key)))
        ctx.logger.warn(
          `index.html leaves out ${JSON.stringify(key)}: a link to it could leave the site (a leading "/", or an empty, "." or ".." segment); delete or rename that object`,
        );
      return renderIndexPage(entries, { title, summary, theme, siteRootUrl: siteUrl(config) });
    },
  });
  if (!ctx.json) ctx.print(result.report ? `Site: ${result.url}` : `Dry run: nothing was changed. Site: ${result.url}`);
  return result;
}

/**
 * The title and theme the build recorded in the output folder. A folder without the record (built by
 * an earlier version) gets the project's current ones, as before the record existed; a damaged record
 * gets them too, with a warning, as its logo may have changed since the build.
 */
async function builtTheme(config: SiteConfig, ctx: CommandContext): Promise<BuiltTheme> {
  const { readBuiltTheme, readTheme } = await import("../site/index.js");
  const recorded = await readBuiltTheme(config.output);
  if (recorded && "built" in recorded) return recorded.built;
  if (recorded)
    ctx.logger.warn(
      `${recorded.problem}: index.html is rendered with the project's theme as it is now; build again so that deploy uses the build's`,
    );
  const { TEMPLATE_NAMES } = await import("../render/index.js");
  return { title: config.site.title, theme: (await readTheme(config, TEMPLATE_NAMES)).theme };
}

/** summary.json of the built site, or undefined when the build has none (index.html then lists only files). */
async function readSummary(output: string): Promise<SiteSummary | undefined> {
  const { parseSiteSummary } = await import("../render/index.js");
  const path = join(output, SUMMARY_JSON);
  const text = await readFile(path, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseSiteSummary(text, path);
}

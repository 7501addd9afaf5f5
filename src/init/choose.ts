/**
 * From what the raw bucket and the repository showed to init's choices: the prefix and key pattern,
 * the columns, each said with why, and given flags checked against the data (a column the files do
 * not have is refused); where the workflow goes and who may assume the role. Pure.
 */
import { relative, sep } from "node:path";
import { UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import { profileColumns, proposeColumns, type ColumnProfile } from "./columns.js";
import type { CsvSample } from "./csv-sample.js";
import { countMatching } from "./key-layout.js";
import type { RawBucketLook } from "./look.js";
import { parseAccount, parseBranch, parseRepository, valueOf } from "./answers.js";
import type { InitAnswers } from "./plan.js";
import { countReport, proposeReports, type CountedColumns } from "./propose-reports.js";
import type { Repository } from "./repository.js";
import { WORKFLOW_PATH } from "./workflow.js";

/** The flags the choices may come from. */
interface GivenChoices {
  keyPattern?: string;
  groupBy?: string[];
  chartField?: string;
}

/** A pattern that selects fewer than this share of the keys looked at is worth a warning. */
const MATCHED_SHARE_MIN = 0.8;

/** The prefix, key pattern and columns: given, else proposed from the look, else the 311 defaults. */
export function chooseFromLook(
  given: GivenChoices,
  rawPrefix: string,
  look: RawBucketLook | undefined,
  logger: Logger,
): Pick<InitAnswers, "rawPrefix" | "keyPattern" | "groupBy" | "chartField" | "otherReports"> {
  const layout = look?.layout;
  const keyPattern = given.keyPattern ?? layout?.keyPattern ?? "{year}_{mon}_{day}_gid_requests.csv";
  const prefix = rawPrefix + (given.keyPattern === undefined ? (layout?.prefix ?? "") : "");
  return { rawPrefix: prefix, keyPattern, ...chooseColumns(given, look, logger) };
}

/** Say what was found under the prefix, and warn when the layout leaves most keys out. */
export function describeLook(where: string, look: RawBucketLook, logger: Logger): void {
  const total = `${look.names.length}${look.truncated ? "+" : ""} keys`;
  if (look.names.length === 0) return logger.warn(`${where} holds no files; the key pattern is a default, unchecked`);
  const layout = look.layout;
  if (!layout) {
    logger.warn(
      `no key of the ${total} under ${where} has a date init recognises (e.g. ${look.names.slice(0, 2).join(", ")}); pass --key-pattern, e.g. --key-pattern "exports/{year}-{month}-{day}.csv"`,
    );
    return;
  }
  const line = `raw prefix "${layout.prefix}" and key pattern ${layout.keyPattern} select ${layout.matched} of the ${total} under ${where}`;
  if (layout.matched >= layout.total * MATCHED_SHARE_MIN) return logger.info(line);
  const ignored = look.names.filter((n) => countMatching([n], layout.prefix, layout.keyPattern) === 0);
  logger.warn(
    `${line}; build would ignore the others (e.g. ${ignored.slice(0, 2).join(", ")}): check --raw-prefix and --key-pattern`,
  );
}

/**
 * groupBy and chartField: given ones must be columns of the sampled files; missing ones are proposed,
 * with why; then the other reports the sampled rows support.
 */
function chooseColumns(
  given: GivenChoices,
  look: RawBucketLook | undefined,
  logger: Logger,
): Pick<InitAnswers, "groupBy" | "chartField" | "otherReports"> {
  const sample = look?.sample;
  if (!sample || sample.header.length === 0) {
    const chosen = { groupBy: given.groupBy ?? ["service_name"], chartField: given.chartField ?? "case_record_type" };
    logger.info(
      `groupBy: ${chosen.groupBy.join(", ")}, chartField: ${chosen.chartField} (${given.groupBy && given.chartField ? "as given" : "the 311 defaults"}; not checked against the raw files: none was read)`,
    );
    return chosen;
  }
  checkColumns(given, sample.header, sample.keys[0]!);
  const profiles = profileColumns(sample);
  const taken = [...(given.groupBy ?? []), ...(given.chartField === undefined ? [] : [given.chartField])];
  const proposal = proposeColumns(profiles, sample.rows.length, taken);
  const groupBy = given.groupBy ?? (proposal.groupBy ? [proposal.groupBy] : undefined);
  const chartField = given.chartField ?? proposal.chartField;
  logger.info(`columns of ${sample.keys.join(", ")} (${sample.rows.length} rows sampled):`);
  for (const p of profiles) logger.info(`  ${proposal.reasons[p.name]}`);
  if (!groupBy || !chartField)
    throw new UsageError(
      `no column of ${sample.keys[0]} is a category to ${groupBy ? "chart (text with a few repeated values)" : "count (text with repeated values)"}; pass ${groupBy ? "--chart-field" : "--group-by"} COLUMN`,
    );
  logger.info(`groupBy: ${groupBy.join(", ")}${given.groupBy ? " (--group-by)" : ""}`);
  logger.info(`chartField: ${chartField}${given.chartField ? " (--chart-field)" : ""}`);
  return { groupBy, chartField, ...chooseReports(sample, profiles, { groupBy, chartField }, logger) };
}

/** The reports beside the count that the sampled rows support, each said with why; none: the `report` shorthand. */
function chooseReports(
  sample: CsvSample,
  profiles: readonly ColumnProfile[],
  counted: CountedColumns,
  logger: Logger,
): Pick<InitAnswers, "otherReports"> {
  const proposals = proposeReports(sample, profiles, counted);
  if (proposals.length === 0) return {};
  for (const p of proposals) logger.info(`  ${p.reason}`);
  const ids = [countReport(counted), ...proposals.map((p) => p.report)].map((r) => r.id);
  logger.info(`reports: ${ids.join(", ")} (in site-config.json's reports, to edit)`);
  return { otherReports: proposals.map((p) => p.report) };
}

/** A given column the sampled files do not have would fail every build: refuse it now. */
function checkColumns(given: GivenChoices, header: readonly string[], key: string): void {
  const flags: [string, string[] | undefined][] = [
    ["--group-by", given.groupBy],
    ["--chart-field", given.chartField === undefined ? undefined : [given.chartField]],
  ];
  for (const [flag, columns] of flags) {
    const unknown = columns?.filter((c) => !header.includes(c));
    if (unknown?.length)
      throw new UsageError(
        `${flag} ${unknown.join(",")}: no such column in ${key}; its columns are ${header.join(", ")}`,
      );
  }
}

/** The flags of the trust policy. */
interface TrustFlags {
  account?: string;
  repository?: string;
  branch?: string;
  anyBranch: boolean;
}

/** The trust policy's flags, checked before anything is asked or looked at. */
export function checkTrustFlags(flags: TrustFlags): void {
  if (flags.account !== undefined) valueOf("--aws-account", parseAccount(flags.account));
  if (flags.repository !== undefined) valueOf("--github-repo", parseRepository(flags.repository));
  if (flags.branch !== undefined) valueOf("--branch", parseBranch(flags.branch));
  if (flags.branch !== undefined && flags.anyBranch)
    throw new UsageError("--branch and --any-branch contradict each other; pass one");
}

/** Who may assume the role: the repository (given, or the origin's), on the default branch unless widened. */
export function trustOf(
  flags: TrustFlags,
  repository: Repository | undefined,
  logger: Logger,
): Pick<InitAnswers, "repository" | "branch"> {
  const name =
    flags.repository !== undefined ? valueOf("--github-repo", parseRepository(flags.repository)) : repository?.github;
  if (flags.anyBranch) {
    logger.info("trust policy: runs of any branch may assume the role (--any-branch)");
    return { repository: name };
  }
  const branch =
    flags.branch !== undefined ? valueOf("--branch", parseBranch(flags.branch)) : (repository?.defaultBranch ?? "main");
  logger.info(
    `trust policy: only workflow runs on branch ${branch} of ${name ?? "OWNER/REPOSITORY (fill it in, or pass --github-repo)"} may assume the role (--branch NAME or --any-branch to change)`,
  );
  return { repository: name, branch };
}

/** GitHub runs only the repository root's workflows: from a subfolder, the workflow goes there and runs in it. */
export function workflowPlace(
  dir: string,
  repository: Repository | undefined,
  logger: Logger,
): Pick<InitAnswers, "workflowPath" | "workingDirectory"> {
  if (!repository) {
    logger.info(
      `no git repository here or above: the workflow goes to ./${WORKFLOW_PATH}, which GitHub runs once this folder is a repository's root`,
    );
    return {};
  }
  const sub = relative(repository.root, dir).split(sep).join("/");
  if (!sub) return {};
  logger.info(
    `this folder is ${sub}/ of the git repository at ${repository.root}: the workflow goes to the root's ${WORKFLOW_PATH} and runs its steps in ${sub}/`,
  );
  return {
    workflowPath: relative(dir, `${repository.root}/${WORKFLOW_PATH}`).split(sep).join("/"),
    workingDirectory: sub,
  };
}

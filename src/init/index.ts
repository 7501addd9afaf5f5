export { planInit, workflowDeletes } from "./plan.js";
export { planIamPolicy, COMMAND_ACTIONS } from "./iam.js";
export type { PolicyDocument } from "./iam.js";
export { renderWorkflow } from "./workflow.js";
export { renderHostingTemplate } from "./hosting.js";
export { proposeKeyLayout, patternOf } from "./key-layout.js";
export { parseCsvSample, parseHeader } from "./csv-sample.js";
export { profileColumns, proposeColumns } from "./columns.js";
export { proposeReports } from "./propose-reports.js";
export {
  parseBucket,
  parseSiteBucket,
  parseAccount,
  parseRepository,
  parseDomain,
  parseHostedZoneId,
} from "./answers.js";
export { describeChanges } from "./changes.js";
export { formatInitFiles, formatKeptWarning } from "./format.js";
export { runInit } from "./run.js";
export type { InitFlags } from "./run.js";
export { chooseFromLook, describeLook } from "./choose.js";

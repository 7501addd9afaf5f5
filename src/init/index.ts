export { planInit, toConfigSpec } from "./plan.js";
export type { InitAnswers, InitFile } from "./plan.js";
export { planIamPolicy, planTrustPolicy, COMMAND_ACTIONS } from "./iam.js";
export type { PolicyDocument, PolicyTarget } from "./iam.js";
export { renderWorkflow, WORKFLOW_PATH } from "./workflow.js";
export { guessKeyPattern, parseHeader, proposeColumns } from "./detect.js";
export { lookAtRawBucket } from "./look.js";
export type { RawBucketLook } from "./look.js";
export { listExisting, writeInitFiles } from "./write.js";

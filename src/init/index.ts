export { planInit } from "./plan.js";
export type { InitAnswers } from "./plan.js";
export { planIamPolicy, COMMAND_ACTIONS } from "./iam.js";
export type { PolicyDocument } from "./iam.js";
export { renderWorkflow } from "./workflow.js";
export { guessKeyPattern, parseHeader, proposeColumns } from "./detect.js";
export { lookAtRawBucket } from "./look.js";
export { listExisting, writeInitFiles } from "./write.js";

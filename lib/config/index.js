export { loadConfig, configFromSpec, DEFAULT_CONFIG_FILE, PANDAS_MISSING_VALUES } from "./load.js";
export { compileKeyPattern, checkKeyPattern, MONTH_ABBREVIATIONS } from "./key-pattern.js";
export { siteConfigSchema } from "./schema.js";

export { loadConfig, configFromSpec, DEFAULT_CONFIG_FILE, PANDAS_MISSING_VALUES } from "./load.js";
export type { SiteConfig, ConfigOverrides, SiteConfigSpec } from "./load.js";
export { MONTH_ABBREVIATIONS } from "./key-pattern.js";

/**
 * Where the built-in templates are and which of them a project may override. Its own file (a public
 * entry of render) so a build can fingerprint the templates and read the branding without loading Eta.
 */
import { fileURLToPath } from "node:url";

/** Folder of the built-in templates (templates/ at the package root). */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Every built-in template a project may override (test/render/theme.test.ts pins it to templates/*.eta). */
export const TEMPLATE_NAMES = [
  "layout",
  "index",
  "month-card",
  "report",
  "month-head",
  "month-pager",
  "overview",
  "changes",
  "chart",
  "chart-figure",
  "map",
  "map-areas",
  "points",
  "trend",
  "year",
  "error",
  "page",
] as const;

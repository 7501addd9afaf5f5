/** The Eta engine over templates/: auto-escaping on, so `<%= %>` is always escaped text. */
import { fileURLToPath } from "node:url";
import { Eta } from "eta";
import { RenderError } from "../errors.js";
import { escapeHtml, jsonForScript, safeHref } from "./escape.js";
/** Folder of the built-in templates (templates/ at the package root). */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
const eta = new Eta({ views: TEMPLATES_DIR, autoEscape: true, cache: true, escapeFunction: escapeHtml });
/** Helpers every template can call as `it.h.*`. */
const helpers = { escapeHtml, safeHref, jsonForScript };
/** Render a template by name with data; wraps template errors in a RenderError naming the template. */
export function renderTemplate(name, data) {
    try {
        return eta.render(name, { ...data, h: helpers });
    }
    catch (error) {
        throw new RenderError(`cannot render template ${name}: ${error.message}`, { cause: error });
    }
}

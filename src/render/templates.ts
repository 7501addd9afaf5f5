/**
 * The Eta engine over templates/ and the project's overrides (site.templates): auto-escaping on, so
 * `<%= %>` is always escaped text and raw HTML needs an explicit `<%~ %>`. A template that reads a
 * value its data does not have fails with the file and line instead of printing nothing.
 */
import { Script } from "node:vm";
import { Eta, EtaParseError } from "eta";
import { RenderError } from "../errors.js";
import { escapeTemplateValue, jsonForScript, safeHref } from "./escape.js";
import { strictData } from "./strict-data.js";
import { TEMPLATE_NAMES, TEMPLATES_DIR } from "./template-names.js";
import { DEFAULT_THEME, type TemplateOverride, type Theme } from "./theme.js";

/** Helpers every template can call as `it.h.*`. */
const helpers = { escapeHtml: escapeTemplateValue, safeHref, jsonForScript };

const ENGINE_OPTIONS = { autoEscape: true, cache: true, debug: true, escapeFunction: escapeTemplateValue } as const;

/** One engine per theme: its overrides replace built-ins by name, includes included. */
const engines = new WeakMap<Theme, Eta>();

function engineFor(theme: Theme): Eta {
  let eta = engines.get(theme);
  if (!eta) {
    eta = themedEngine(theme.templates);
    engines.set(theme, eta);
  }
  return eta;
}

function themedEngine(overrides: readonly TemplateOverride[]): Eta {
  const eta = new Eta({ views: TEMPLATES_DIR, ...ENGINE_OPTIONS });
  const byName = new Map(overrides.map((o) => [o.name, o]));
  const byFile = new Map(overrides.map((o) => [o.file, o.source]));
  const readBuiltIn = eta.readFile;
  eta.resolvePath = (template) => {
    const name = template.replace(/^[./\\]+/, "").replace(/\.eta$/, "");
    if (!(TEMPLATE_NAMES as readonly string[]).includes(name))
      throw new RenderError(`there is no template named "${template}"; templates are ${TEMPLATE_NAMES.join(", ")}`);
    return byName.get(name)?.file ?? `${TEMPLATES_DIR}${name}.eta`;
  };
  eta.readFile = function (path) {
    return byFile.get(path) ?? readBuiltIn.call(this, path);
  };
  return eta;
}

/**
 * Render a template by name with data; wraps template errors in a RenderError naming the template
 * (and, for an error inside a template, its file and line).
 */
export function renderTemplate(name: string, data: Record<string, unknown>, theme: Theme = DEFAULT_THEME): string {
  try {
    return engineFor(theme).render(name, strictData({ ...data, h: helpers }, "it"));
  } catch (error) {
    if (error instanceof RenderError) throw error;
    const override = theme.templates.find((t) => t.name === name);
    throw new RenderError(`cannot render template ${name}: ${(error as Error).message}`, {
      cause: error,
      hint: override
        ? `Fix ${override.file} (site.templates), or remove it to use the built-in ${name}.eta; README, Branding lists what each template receives.`
        : undefined,
    });
  }
}

/**
 * Compile every override of the theme, so a syntax error stops the build before anything is read
 * or written. The error names the file and line.
 */
export function checkTemplates(theme: Theme): void {
  const eta = engineFor(theme);
  for (const override of theme.templates) {
    let code: string;
    try {
      code = eta.compileToString(override.source);
    } catch (error) {
      const message = (error as Error).message;
      const line = error instanceof EtaParseError ? /at line (\d+)/.exec(message)?.[1] : undefined;
      throw templateSyntaxError(override, line, message.split("\n")[0]!, error);
    }
    try {
      new Script(`(function (it, options) {\n${code}\n})`, { filename: override.file });
    } catch (error) {
      throw templateSyntaxError(override, templateLineOf(code, error as Error), (error as Error).message, error);
    }
  }
}

/** The template line of a syntax error in the compiled code: the last `__eta.line=` before it. */
function templateLineOf(code: string, error: Error): string | undefined {
  const generatedLine = Number(/:(\d+)\n/.exec(error.stack ?? "")?.[1] ?? 0) - 1; // minus the wrapper's first line
  const before = code.split("\n").slice(0, generatedLine).join("\n");
  return [...before.matchAll(/__eta\.line=(\d+)/g)].at(-1)?.[1];
}

function templateSyntaxError(override: TemplateOverride, line: string | undefined, what: string, cause: unknown) {
  const place = line ? `${override.file}:${line}` : override.file;
  return new RenderError(`${place}: syntax error in the ${override.name} template override: ${what}`, {
    cause,
    hint: "Fix the template (Eta syntax: <%= value %> escaped, <%~ value %> raw, <% code %>), or remove it to use the built-in one.",
  });
}

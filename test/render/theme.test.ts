import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import { linkContrast } from "../../src/config/contrast.js";
import { ConfigError, RenderError } from "../../src/errors.js";
import {
  checkTemplates,
  DEFAULT_THEME,
  renderFooter,
  renderMarkdown,
  TEMPLATE_NAMES,
  TEMPLATES_DIR,
  type Theme,
} from "../../src/render/index.js";
import { strictData } from "../../src/render/strict-data.js";
import { renderTemplate } from "../../src/render/templates.js";

const theme = (templates: Theme["templates"]): Theme => ({ ...DEFAULT_THEME, templates });

describe("template overrides", () => {
  test("every built-in template can be overridden, and only those", () => {
    const files = readdirSync(TEMPLATES_DIR)
      .filter((f) => f.endsWith(".eta"))
      .map((f) => f.replace(/\.eta$/, ""));
    expect([...TEMPLATE_NAMES].sort()).toEqual(files.sort());
  });

  test.each([
    ["unclosed tag", "a\nb\n<%= it.x\n", /\/p\/layout\.eta:3: syntax error.*unclosed tag/],
    ["JavaScript", "a\n<% for (const x of it.y { %>\n<% } %>\n", /\/p\/layout\.eta:2: syntax error/],
  ])("a syntax error (%s) is reported with file and line", (_what, source, message) => {
    const error = (() => {
      try {
        checkTemplates(theme([{ name: "layout", file: "/p/layout.eta", source }]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toMatch(message);
  });

  test("a correct override compiles", () => {
    expect(() =>
      checkTemplates(theme([{ name: "error", file: "/p/error.eta", source: "<p><%= it.rootHref %></p>" }])),
    ).not.toThrow();
  });

  const printed = (source: string) =>
    renderTemplate("error", { rootHref: "a&b" }, theme([{ name: "error", file: "/p/error.eta", source }]));

  test("<%= %> and it.h.escapeHtml print text, numbers and booleans, and an absent value as nothing", () => {
    expect(printed("<%= it.rootHref %>|<%= 1234.5 %>|<%= false %>|<%= undefined %>|<%= null %>|")).toBe(
      "a&amp;b|1234.5|false|||",
    );
    expect(printed("<%~ it.h.escapeHtml(it.rootHref) %>|<%~ it.h.escapeHtml(undefined) %>|")).toBe("a&amp;b||");
  });

  test.each([
    ["an object", "<%= { href: 1 } %>", "an object with href, which has no text of its own: print one of its fields"],
    [
      "a list",
      "<%= ['a', 'b'] %>",
      'a list of 2 values, which has no text of its own: loop over it, or print it.join(", ")',
    ],
    ["a Date", "<%~ it.h.escapeHtml(new Date(0)) %>", "a Date, which has no text of its own"],
  ])("printing %s fails with the file and line, not [object Object]", (_what, line, message) => {
    const error = (() => {
      try {
        printed(`<p>\n${line}\n</p>`);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toMatch(/\/p\/error\.eta:2[\s\S]*a template printed /);
    expect((error as Error).message).toContain(message);
  });
});

describe("strict template data", () => {
  const data = strictData({ a: 1, b: undefined, nested: { c: "x" }, list: [{ d: 2 }] }, "it");
  test.each([
    ["a present value", () => data.a, 1],
    ["a present but undefined value", () => data.b, undefined],
    ["a nested value", () => data.nested.c, "x"],
    ["an array element", () => data.list[0]!.d, 2],
    ["past the end of an array", () => (data.list as unknown[])[5], undefined],
    ["JSON", () => JSON.stringify(data.nested), '{"c":"x"}'],
  ])("reads %s", (_what, read, expected) => expect(read()).toEqual(expected));

  test("a missing value throws with its path and what the object has", () => {
    expect(() => (data.nested as Record<string, unknown>).e).toThrow("it.nested.e does not exist; it.nested has c");
  });
});

describe("footer", () => {
  test.each([
    ["plain text is escaped", "a <b> & c", "a &lt;b&gt; &amp; c"],
    [
      "an https link",
      "[Licence](https://example.org/l?a=1&b=2)",
      '<a href="https://example.org/l?a=1&amp;b=2">Licence</a>',
    ],
    ["a mailto link", "[Mail](mailto:311@example.org)", '<a href="mailto:311@example.org">Mail</a>'],
    ["javascript: stays text", "[x](javascript:alert(1))", "[x](javascript:alert(1))"],
    ["a relative target stays text", "[x](about.html)", "[x](about.html)"],
    [
      "link text is escaped",
      '[<img src=x onerror="a">](https://e.org/)',
      '<a href="https://e.org/">&lt;img src=x onerror=&quot;a&quot;&gt;</a>',
    ],
    ["lines break", "one\ntwo", "one<br>\ntwo"],
  ])("%s", (_what, text, html) => expect(renderFooter(text)).toBe(html));
});

describe("Markdown pages", () => {
  test.each([
    ["raw HTML is text", "<script>alert(1)</script>", "&lt;script&gt;"],
    ["inline HTML is text", "a <img src=x onerror=alert(1)> b", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a javascript: link is its text", "[go](javascript:alert(1))", "<p>go</p>"],
    ["a data: image is its alt text", "![pic](data:image/png;base64,AAAA)", "<p>pic</p>"],
    ["a relative link stays", "[method](methodology.html)", '<a href="methodology.html">method</a>'],
    ["a protocol-relative link is dropped", "[x](//evil.example/)", "<p>x</p>"],
    ["an https image stays", "![map](https://e.org/m.png)", '<img src="https://e.org/m.png" alt="map">'],
  ])("%s", async (_what, markdown, html) => expect(await renderMarkdown(markdown)).toContain(html));
});

describe("branding config", () => {
  const spec = (site: Record<string, unknown>) => ({ raw: { bucket: "raw-b" }, site: { bucket: "site-b", ...site } });

  test("an accent colour with too little contrast is refused with a darker shade that passes", () => {
    let error: unknown;
    try {
      configFromSpec(spec({ accentColor: "#ffcc00" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/site\.accentColor: "#ffcc00" has a contrast of 1\.\d\d:1 .* at least 4\.5:1 \(WCAG AA\)/);
    const suggestion = /such as "(#[0-9a-f]{6})"/.exec(message)![1]!;
    expect(linkContrast(suggestion)).toBeGreaterThanOrEqual(4.5);
    expect(() => configFromSpec(spec({ accentColor: suggestion }))).not.toThrow();
  });

  test.each([
    ["accentColor", "red", /site\.accentColor: must be a hex colour/],
    ["lang", "not a tag!", /site\.lang: must be a language tag/],
  ])("site.%s %j is refused", (key, value, message) => {
    expect(() => configFromSpec(spec({ [key]: value }))).toThrow(message);
  });

  test("paths resolve against the config's folder; lang defaults to en", () => {
    const config = configFromSpec(spec({ logo: "site/logo.png", pages: "site/pages" }), { baseDir: "/proj" });
    expect(config.site).toMatchObject({ logo: "/proj/site/logo.png", pages: "/proj/site/pages", lang: "en" });
    expect(config.site.templates).toBeUndefined();
  });
});

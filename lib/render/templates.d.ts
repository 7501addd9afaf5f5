/** Folder of the built-in templates (templates/ at the package root). */
export declare const TEMPLATES_DIR: string;
/** Render a template by name with data; wraps template errors in a RenderError naming the template. */
export declare function renderTemplate(name: string, data: Record<string, unknown>): string;

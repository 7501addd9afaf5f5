// Writes site-config.schema.json from the zod schema, so editors complete and validate site-config.json.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { toJSONSchema } from "zod/mini";
import { siteConfigSchema } from "../src/config/schema.ts";

/** The JSON Schema text the committed site-config.schema.json must equal (test/config checks it). */
export function configJsonSchema(): string {
  const schema = { ...toJSONSchema(siteConfigSchema, { io: "input" }), title: "reportsite site-config.json" };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../site-config.schema.json", import.meta.url), configJsonSchema());
  console.log("wrote site-config.schema.json");
}

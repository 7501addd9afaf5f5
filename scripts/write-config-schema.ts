// Writes site-config.schema.json from the zod schema, so editors complete and validate site-config.json.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { siteConfigSchema } from "../src/config/schema.ts";

const schema = { ...z.toJSONSchema(siteConfigSchema, { io: "input" }), title: "reportsite site-config.json" };
writeFileSync(new URL("../site-config.schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log("wrote site-config.schema.json");

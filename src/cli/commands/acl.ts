import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "acl",
  usage: "reportsite acl",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite acl is not available yet");
  },
});

import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "setup",
  usage: "reportsite setup",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite setup is not available yet");
  },
});

import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "preview",
  usage: "reportsite preview",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite preview is not available yet");
  },
});

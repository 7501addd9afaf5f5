import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "deploy",
  usage: "reportsite deploy",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite deploy is not available yet");
  },
});

import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "build",
  usage: "reportsite build",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite build is not available yet");
  },
});

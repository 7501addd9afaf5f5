import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "share",
  usage: "reportsite share",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite share is not available yet");
  },
});

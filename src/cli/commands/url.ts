import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "url",
  usage: "reportsite url",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite url is not available yet");
  },
});

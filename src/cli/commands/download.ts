import { ReportsiteError } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder until the command lands (see the open issue for it).
export default defineCommand({
  summary: "download",
  usage: "reportsite download",
  flags: {},
  options: {},
  async run() {
    throw new ReportsiteError("reportsite download is not available yet");
  },
});

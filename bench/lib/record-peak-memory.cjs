// Preloaded (NODE_OPTIONS=--require) into every Node process of a pipeline run, so the
// benchmark learns the peak memory of each, Redocly's child process included.
const { appendFileSync } = require("node:fs");

const file = process.env.PEAK_MEMORY_FILE;
if (file) {
  process.on("exit", () => {
    appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  });
}

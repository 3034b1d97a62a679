// Module hooks (they run on a thread of their own): each module's URL is appended to the file as
// it loads, which a test reads once the process has ended.
import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.PIRIOD_LOADS_FILE, `${url}\n`);
  return nextLoad(url, context);
}

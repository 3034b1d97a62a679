// `node --import ./record-loads.mjs`: records the URL of every module the process loads, in the
// file PIRIOD_LOADS_FILE names, so a test can see what an import pulled in, lazily loaded chunks included.
import { register } from "node:module";

register("./load-hooks.mjs", import.meta.url);

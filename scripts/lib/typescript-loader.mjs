// `node --import` this file to let Node load TypeScript modules: what Redocly needs for the plugin redocly.yaml names
// (lint/redocly/piriod.ts). tsx would do it too, but its hooks cost the Redocly CLI a second of start-up on every run, and
// these hooks only strip the types of a `.ts` file, with esbuild.
import { register } from "node:module";

register("./typescript-hooks.mjs", import.meta.url);

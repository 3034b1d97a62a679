// The module hooks of ./typescript-loader.mjs: a `.ts` file is loaded as the ES module esbuild makes of it, types stripped;
// any other module as Node loads it.
import { readFile } from "node:fs/promises";
import { transform } from "esbuild";

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !new URL(url).pathname.endsWith(".ts")) return nextLoad(url, context);
  const source = await readFile(new URL(url), "utf8");
  const { code } = await transform(source, { loader: "ts", format: "esm", sourcefile: url, sourcemap: "inline" });
  return { format: "module", source: code, shortCircuit: true };
}

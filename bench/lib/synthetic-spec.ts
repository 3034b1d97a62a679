import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const REPO = new URL("../../", import.meta.url).pathname;
// The schemas one copy of the customers path owns; error schemas, parameters and responses
// stay shared, as they would in Piriod's whole API.
const OWN_SCHEMAS = ["CustomerUpdate", "Customer", "Country", "State", "CustomerStatus", "Contact", "CustomerAggregations"];

/**
 * Writes to `dir` a project whose spec holds `copies` copies of `/customers/{id}/`, each with
 * its own request and response schemas (`CustomerUpdate7`, `Customer7`, …).
 */
export async function writeSyntheticSpec(dir: string, copies: number): Promise<void> {
  const source = path.join(REPO, "openapi");
  const target = path.join(dir, "openapi");
  await mkdir(dir, { recursive: true });
  await cp(path.join(REPO, "redocly.yaml"), path.join(dir, "redocly.yaml"));
  // Everything the path file may refer to (components, code samples) comes along.
  await cp(source, target, { recursive: true });
  const pathTemplate = await readFile(path.join(source, "paths", "customers_{id}_.yaml"), "utf8");
  await rm(path.join(target, "paths", "customers_{id}_.yaml"));
  const schemaTexts = Object.fromEntries(
    await Promise.all(OWN_SCHEMAS.map(async (name) => [name, await readFile(path.join(source, "components", "schemas", `${name}.yaml`), "utf8")] as const)),
  );
  const rename = (text: string, copy: number) =>
    OWN_SCHEMAS.reduce((result, name) => result.replace(new RegExp(`\\b${name}\\.yaml`, "g"), `${name}${copy}.yaml`), text);

  const pathEntries: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const name of OWN_SCHEMAS) {
      await writeFile(path.join(target, "components", "schemas", `${name}${copy}.yaml`), rename(schemaTexts[name]!, copy).replace(/^title: .*$/m, `title: ${name}${copy}`));
    }
    const file = `customers${copy}_{id}_.yaml`;
    await writeFile(path.join(target, "paths", file), rename(pathTemplate, copy).replace(/operationId: (\w+)/g, `operationId: $1${copy}`));
    pathEntries.push(`  /customers${copy}/{id}/:\n    $ref: paths/${file}`);
  }
  for (const name of OWN_SCHEMAS) await rm(path.join(target, "components", "schemas", `${name}.yaml`));
  const root = await readFile(path.join(source, "openapi.yaml"), "utf8");
  await writeFile(path.join(target, "openapi.yaml"), root.replace(/^paths:\n(  .*\n)+/m, `paths:\n${pathEntries.join("\n")}\n`));
}

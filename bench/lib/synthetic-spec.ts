import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO } from "./workspace.ts";

// The schemas each copy of the customers path owns; error schemas, parameters and responses
// stay shared, as they would in Piriod's whole API.
const OWN_SCHEMAS = [
  "CustomerUpdate",
  "CustomerWrite",
  "Customer",
  "Country",
  "State",
  "CustomerStatus",
  "Contact",
  "CustomerAggregations",
];
const PATH_FILE = "customers_{id}_.yaml";

/**
 * Writes into the project copy `dir` a spec of `copies` copies of `/customers/{id}/` (two
 * operations each): the spec as it stands, plus copies 2 to N beside it, each with its own eight
 * schemas (`CustomerUpdate7`, `Customer7`, …), operation ids, client methods (`customers7.retrieve`,
 * `customers7.update`) and converter (`toCustomerUpdate7`), so `npm run generate` takes it whole.
 * One copy is the spec itself, so an app calling `customers.update` runs against every size.
 */
export async function writeSyntheticSpec(dir: string, copies: number): Promise<void> {
  const source = path.join(REPO, "openapi");
  const target = path.join(dir, "openapi");
  await cp(source, target, { recursive: true });
  const pathTemplate = await readFile(path.join(source, "paths", PATH_FILE), "utf8");
  const schemas = await Promise.all(
    OWN_SCHEMAS.map(async (name) => ({
      name,
      text: await readFile(path.join(source, "components", "schemas", `${name}.yaml`), "utf8"),
    })),
  );
  // A schema's file and the names of schemas its `x-piriod-id-of` declares (`Country` → `Country7`).
  const rename = (text: string, copy: number) =>
    OWN_SCHEMAS.reduce(
      (result, name) =>
        result
          .replace(new RegExp(`\\b${name}\\.yaml`, "g"), `${name}${copy}.yaml`)
          .replace(new RegExp(`(x-piriod-id-of: )${name}$`, "gm"), `$1${name}${copy}`),
      text,
    );

  const pathEntries: string[] = [];
  for (let copy = 2; copy <= copies; copy++) {
    for (const { name, text } of schemas) {
      await writeFile(
        path.join(target, "components", "schemas", `${name}${copy}.yaml`),
        rename(text, copy).replace(/^title: .*$/m, `title: ${name}${copy}`),
      );
    }
    const pathText = rename(pathTemplate, copy)
      .replace(/operationId: (\w+)/g, `operationId: $1${copy}`)
      .replace(/x-piriod-method: (\w+)\./g, `x-piriod-method: $1${copy}.`)
      .replace(/x-piriod-to-body: (\w+)/g, `x-piriod-to-body: $1${copy}`);
    await writeFile(path.join(target, "paths", `customers${copy}_{id}_.yaml`), pathText);
    pathEntries.push(`  /customers${copy}/{id}/:\n    $ref: paths/customers${copy}_{id}_.yaml\n`);
  }
  const root = await readFile(path.join(source, "openapi.yaml"), "utf8");
  await writeFile(
    path.join(target, "openapi.yaml"),
    root.replace(/^paths:\n( {2}.*\n)+/m, (paths) => paths + pathEntries.join("")),
  );
}

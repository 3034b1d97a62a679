import ts from "typescript";
import { PipelineError } from "./pipeline-error.ts";

/** `components["schemas"]["Name"]`, as openapi-typescript writes a reference to a schema. */
const SCHEMA_REFERENCE = /components\["schemas"\]\["([^"]+)"\]/g;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * openapi-typescript's declarations with every component schema declared as a type of its own
 * name (`export type Country = { … }`), which `components["schemas"]` and every reference then use.
 * TypeScript shows a type alias by its name in hovers and errors; an indexed access such as
 * `components["schemas"]["Country"]` it shows expanded, and so did the aliases of the indexed
 * accesses openapi-typescript's `rootTypes` writes. Type aliases rather than interfaces: an object
 * type alias stays assignable to `Record<string, unknown>`, as the 1.x types were.
 *
 * `reserved` holds names the package exports already: a schema of such a name stops generation.
 */
export function nameSchemaTypes(
  declarations: string,
  reserved: ReadonlySet<string>,
): { text: string; names: string[] } {
  const source = ts.createSourceFile("schema.d.ts", declarations, ts.ScriptTarget.Latest, true);
  const schemas = schemasMembers(source);
  const names = schemas.map((member) => member.name.getText(source).replace(/^["']|["']$/g, ""));
  refuseUnusableNames(names, source, reserved);

  const aliases = schemas.map((member, index) => {
    const comment = leadingComment(declarations, member);
    const { type: node } = member;
    if (node === undefined) throw new PipelineError(`types: components.schemas has a member without a type`);
    const type = dedent(declarations.slice(node.getStart(source), node.end), 8);
    return `${comment}export type ${names[index]} = ${type};\n`;
  });
  // Inside `components`, each schema becomes a reference to its alias (its comment moves with it).
  let text = "";
  let position = 0;
  schemas.forEach((member, index) => {
    text += `${declarations.slice(position, member.getFullStart())}\n        ${names[index]}: ${names[index]};`;
    position = member.end;
  });
  text += declarations.slice(position);
  text = `${text.trimEnd()}\n${aliases.join("")}`.replace(SCHEMA_REFERENCE, (_reference, name: string) => name);
  return { text, names };
}

function schemasMembers(source: ts.SourceFile): ts.PropertySignature[] {
  const components = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === "components",
  );
  const schemas = components?.members.find((member) => member.name?.getText(source) === "schemas");
  if (!schemas || !ts.isPropertySignature(schemas) || !schemas.type || !ts.isTypeLiteralNode(schemas.type)) return [];
  return schemas.type.members.filter(
    (member): member is ts.PropertySignature => ts.isPropertySignature(member) && member.type !== undefined,
  );
}

function refuseUnusableNames(names: string[], source: ts.SourceFile, reserved: ReadonlySet<string>): void {
  const declared = new Set(
    source.statements.flatMap((statement) =>
      "name" in statement && statement.name ? [(statement.name as ts.Identifier).text] : [],
    ),
  );
  for (const name of names) {
    if (!IDENTIFIER.test(name)) {
      throw new PipelineError(
        `types: components/schemas/${name} cannot be exported under its own name: a schema's name must be a TypeScript identifier (letters, digits, _ or $)`,
      );
    }
    if (declared.has(name) || reserved.has(name)) {
      throw new PipelineError(
        `types: components/schemas/${name} has the name of ${declared.has(name) ? "a type openapi-typescript declares" : "an export of the package's entry points (src/)"}; rename the schema`,
      );
    }
  }
}

function leadingComment(text: string, member: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(text, member.getFullStart()) ?? [];
  return ranges.map((range) => `${dedent(text.slice(range.pos, range.end), 8).trimStart()}\n`).join("");
}

/** Removes `columns` spaces of indentation from every line but the first. */
function dedent(text: string, columns: number): string {
  const indentation = new RegExp(`\\n {${columns}}`, "g");
  return text.replace(indentation, "\n");
}

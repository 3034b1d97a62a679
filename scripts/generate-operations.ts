import type { ReferenceObject, RequestBodyObject, SchemaObject } from "openapi-typescript";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import { componentSchema, deref, propertiesOf, type SpecDocument, typesOf } from "./lib/spec-document.ts";
import { type BundledOperation, bundledOperations, idFields } from "./lib/spec-operations.ts";
import { kebabCase } from "./lib/validated-schemas.ts";

/** `customers.update`: a resource, then its method, both lower camel case. */
const CLIENT_METHOD = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Properties of the client itself, which no resource may take. */
const CLIENT_MEMBERS = new Set(["raw", "withOptions", "then", "constructor", "__proto__"]);

/** One client method, as `x-piriod-method` declares it on an operation. */
export interface ClientMethod extends BundledOperation {
  resource: string;
  name: string;
  operationId: string;
  pathParams: string[];
  /** Whether its request body says `required: false`, which makes the body an optional argument. */
  bodyOptional: boolean;
  /** Its query parameters; a parameter with `x-piriod-query-prefix` stands for every key with that prefix (`metadata__`). */
  query: { name: string; prefix?: string; schema?: SchemaObject; description?: string; required: boolean }[];
  /** Whether its response is Piriod's Paginated envelope: `count`, `next`, `previous` and a `results` array. */
  paginated: boolean;
}

/**
 * The client as the spec declares it. Every operation names its client method in
 * `x-piriod-method` (`customers.update`), and from that and the operation this writes:
 *   operations.js (+ .d.ts)  the table the client's one call path reads: method, path, path
 *                            parameters in order, whether it takes a query or a body, the success
 *                            status, and its validators, each imported on first use
 *   resources.d.ts           each resource's methods with their signatures and docs
 *                            (`CustomersResource`), from the generated types
 *   converters.js (+ .d.ts)  for an operation with `x-piriod-to-body: toCustomerUpdate`, that
 *                            function: its response as its request body, made by src/write-body.ts
 */
export function generateOperations(
  document: SpecDocument,
  reserved: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const methods = clientMethods(document);
  return {
    "operations.js": GENERATED_HEADER + operationTable(methods),
    "operations.d.ts": GENERATED_HEADER + OPERATION_TYPES,
    "resources.d.ts": GENERATED_HEADER + resourceTypes(methods),
    ...converters(document, methods, reserved),
  };
}

export function clientMethods(document: SpecDocument): ClientMethod[] {
  const seen = new Map<string, string>();
  return bundledOperations(document).map((found) => {
    const declared: unknown = found.operation["x-piriod-method"];
    const where = `${found.where} (${found.operation.operationId})`;
    const match = typeof declared === "string" ? declared.match(CLIENT_METHOD) : null;
    if (!match) {
      throw new PipelineError(
        `operations: ${where} must name its client method in x-piriod-method, as resource.method in lower camel case (customers.update)`,
      );
    }
    const [, resource, name] = match as unknown as [string, string, string];
    if (CLIENT_MEMBERS.has(resource))
      throw new PipelineError(
        `operations: ${where}: x-piriod-method ${declared} takes "${resource}", which the client keeps for itself`,
      );
    if (seen.has(declared as string))
      throw new PipelineError(
        `operations: ${where} and ${seen.get(declared as string)} both declare x-piriod-method ${declared}`,
      );
    seen.set(declared as string, where);
    const pathParams = [...found.path.matchAll(/\{([^}]+)\}/g)].map(([, param = ""]) => param);
    for (const param of pathParams) {
      if (!IDENTIFIER.test(param))
        throw new PipelineError(
          `operations: ${where}: the path parameter {${param}} must be a TypeScript identifier to be an argument`,
        );
      if (!found.parameters.some((parameter) => parameter.in === "path" && parameter.name === param)) {
        throw new PipelineError(`operations: ${where}: the path parameter {${param}} is not declared`);
      }
    }
    const query = found.parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => {
        const prefix: unknown = parameter["x-piriod-query-prefix"];
        if (prefix !== undefined && (typeof prefix !== "string" || !/^\w+$/.test(prefix)))
          throw new PipelineError(
            `operations: ${where}: x-piriod-query-prefix of ${parameter.name} must be a word (metadata__)`,
          );
        return {
          name: parameter.name,
          prefix: prefix as string | undefined,
          schema: deref(document, parameter.schema),
          description: parameter.description,
          required: parameter.required === true,
        };
      });
    return {
      ...found,
      resource,
      name,
      operationId: found.operation.operationId ?? "",
      pathParams,
      bodyOptional: deref<RequestBodyObject>(document, found.operation.requestBody)?.required === false,
      query,
      paginated: isPaginated(document, found.success.schema),
    };
  });
}

/** Piriod's list envelope, by its fields (its properties, or those of the schemas it is all of). */
function isPaginated(document: SpecDocument, schema: string | undefined): boolean {
  if (schema === undefined) return false;
  const properties = (node: SchemaObject | undefined): Record<string, SchemaObject | ReferenceObject> =>
    Object.assign({}, ...(node?.allOf ?? []).map((part) => properties(deref(document, part))), propertiesOf(node));
  const fields = properties(componentSchema(document, schema));
  return (
    ["count", "next", "previous", "results"].every((field) => field in fields) &&
    typesOf(deref(document, fields.results)).join() === "array"
  );
}

function byResource(methods: ClientMethod[]): Map<string, ClientMethod[]> {
  const resources = new Map<string, ClientMethod[]>();
  for (const method of methods) resources.set(method.resource, [...(resources.get(method.resource) ?? []), method]);
  return resources;
}

function operationTable(methods: ClientMethod[]): string {
  // One loader per schema, however many operations use it (a customer is what retrieve, update, create and list answer with).
  const schemas = [
    ...new Set(
      methods
        .flatMap((method) => [method.requestSchema, method.success.schema])
        .filter((name): name is string => name !== undefined),
    ),
  ];
  const loaders = schemas.map(
    (schema) =>
      `const validate${schema} = () => import("./validators/${kebabCase(schema)}.js").then((module) => module.validate${schema});\n`,
  );
  const resources = [...byResource(methods)].map(([resource, members]) => {
    const entries = members.map((method) => {
      const fields = [
        `method: ${JSON.stringify(method.method)}`,
        `path: ${JSON.stringify(method.path)}`,
        `pathParams: ${JSON.stringify(method.pathParams)}`,
        ...(method.query.length > 0
          ? [`query: ${JSON.stringify(method.query.map(({ name, prefix }) => (prefix ? `${prefix}*` : name)))}`]
          : []),
        ...(method.requestSchema ? [`body: validate${method.requestSchema}`] : []),
        `status: ${method.success.status}`,
        ...(method.success.schema ? [`response: validate${method.success.schema}`] : []),
        ...(method.paginated ? ["paginated: true"] : []),
      ];
      return `    ${method.name}: {\n${fields.map((field) => `      ${field},\n`).join("")}    },\n`;
    });
    return `  ${resource}: {\n${entries.join("")}  },\n`;
  });
  return `${loaders.join("")}\n/** Every operation of the spec, by the client method its \`x-piriod-method\` names. */\nexport const operations = {\n${resources.join("")}};\n`;
}

const OPERATION_TYPES = `import type { OperationTable } from "../src/operation.js";

/** Every operation of the spec, by resource and method (\`operations.customers.update\`). */
export declare const operations: OperationTable;
`;

function resourceTypes(methods: ClientMethod[]): string {
  const schemas = [
    ...new Set(
      methods
        .flatMap((method) => [method.requestSchema, method.success.schema])
        .filter((name): name is string => name !== undefined),
    ),
  ];
  const queries: string[] = [];
  const resources = [...byResource(methods)].map(([resource, members]) => {
    const signatures = members.map((method) => {
      const operation = `operations[${JSON.stringify(method.operationId)}]`;
      const query = `${pascalCase(resource)}${pascalCase(method.name)}Query`;
      if (method.query.length > 0) queries.push(queryType(query, operation, method));
      const args = [
        ...method.pathParams.map((param) => `${param}: ${operation}["parameters"]["path"][${JSON.stringify(param)}]`),
        ...(method.requestSchema ? [`body${method.bodyOptional ? "?" : ""}: ${method.requestSchema}`] : []),
        ...(method.query.length > 0
          ? [`query${method.query.some((parameter) => parameter.required) ? "" : "?"}: ${query}`]
          : []),
        "options?: RequestOptions",
      ];
      const result = method.paginated
        ? `PagePromise<${method.success.schema}["results"][number]>`
        : `PiriodPromise<${method.success.schema ?? "void"}>`;
      return `${docComment(methodDoc(method), "  ")}  ${method.name}(${args.join(", ")}): ${result};\n`;
    });
    return `/** \`piriod.${resource}\`: the methods of the operations whose x-piriod-method names \`${resource}\`. */\nexport interface ${pascalCase(resource)}Resource {\n${signatures.join("")}}\n`;
  });
  const members = [...byResource(methods).keys()]
    .map((resource) => `  ${resource}: ${pascalCase(resource)}Resource;\n`)
    .join("");
  return (
    `import type { RequestOptions } from "../src/options.js";\n` +
    `import type { PagePromise, PiriodPromise } from "../src/promises.js";\n` +
    `import type { ${["operations", ...schemas].join(", ")} } from "./schema.js";\n\n` +
    `${[...queries, ...resources].join("\n")}\n/** The client's resources, each named by the operations that declare it. */\nexport interface Resources {\n${members}}\n`
  );
}

/**
 * The query object of a method: each parameter as the spec types it, but a date-time, which takes a `Date` as well as its ISO 8601
 * text, and a family of names (`x-piriod-query-prefix`), whose keys are the prefix and any name, each with a string.
 */
function queryType(name: string, operation: string, method: ClientMethod): string {
  const fields = method.query.map((parameter) => {
    const doc = parameter.description ? docComment(parameter.description.trim(), "  ") : "";
    if (parameter.prefix !== undefined) return `${doc}  [key: \`${parameter.prefix}\${string}\`]: string;\n`;
    const type =
      parameter.schema?.format === "date-time"
        ? "Date | string"
        : `NonNullable<${operation}["parameters"]["query"]>[${JSON.stringify(parameter.name)}]`;
    return `${doc}  ${JSON.stringify(parameter.name)}${parameter.required ? "" : "?"}: ${type};\n`;
  });
  return `/** The query of \`${method.resource}.${method.name}\` (\`${method.where}\`). */\nexport interface ${name} {\n${fields.join("")}}\n`;
}

function methodDoc(method: ClientMethod): string {
  const { summary, description } = method.operation;
  return `${summary ?? method.operationId} (\`${method.where}\`)${description ? `\n\n${description.trim()}` : ""}`;
}

function docComment(text: string, indent: string): string {
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}\n`).join("")}${indent} */\n`;
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The converters that operations declare with `x-piriod-to-body`: what each field of the body is made of. */
function converters(
  document: SpecDocument,
  methods: ClientMethod[],
  reserved: ReadonlySet<string>,
): Record<string, string> {
  const javascript: string[] = [];
  const declarations: string[] = [];
  const schemas = new Set<string>();
  for (const method of methods) {
    const name: unknown = method.operation["x-piriod-to-body"];
    if (name === undefined) continue;
    const where = `${method.where} (${method.operationId})`;
    if (typeof name !== "string" || !IDENTIFIER.test(name))
      throw new PipelineError(`operations: ${where}: x-piriod-to-body must name a function (toCustomerUpdate)`);
    if (reserved.has(name))
      throw new PipelineError(
        `operations: ${where}: x-piriod-to-body ${name} has the name of an export of the package's entry points (src/)`,
      );
    const { requestSchema: to, success } = method;
    if (to === undefined || success.schema === undefined)
      throw new PipelineError(`operations: ${where}: x-piriod-to-body needs a JSON request body and a JSON response`);
    const fields = bodyFields(document, success.schema, to, `${where}: x-piriod-to-body`);
    javascript.push(
      `/** ${success.schema} → ${to}, for \`${method.resource}.${method.name}\`. */\nexport const ${name} = /* @__PURE__ */ writeBody(${JSON.stringify(name)}, {\n${Object.entries(
        fields,
      )
        .map(([key, list]) => `  ${key}: ${JSON.stringify(list)},\n`)
        .join("")}});\n`,
    );
    const parameter = success.schema.charAt(0).toLowerCase() + success.schema.slice(1);
    const doc =
      `A ${success.schema} as the body of \`${method.resource}.${method.name}\` (a ${to}): ${fields.ids.map((field) => `\`${field}\``).join(", ") || "no field"} as ${fields.ids.length === 1 ? "its object's id" : "their objects' ids"}, ` +
      `the fields only a ${success.schema} has left out, and every other field as it was (absent stays absent, \`null\` stays \`null\`; objects are copies). Spread it and change what you need.\n\n` +
      `Throws a \`PiriodValidationError\` naming every field the body needs that the ${parameter} cannot give (a response read without validation may be incomplete).`;
    declarations.push(
      `${docComment(doc, "")}export declare function ${name}(${parameter}: ${success.schema}): ${to};\n`,
    );
    schemas.add(success.schema).add(to);
  }
  // Written even when the spec declares none: the package root re-exports whatever it holds.
  if (javascript.length === 0)
    return { "converters.js": `${GENERATED_HEADER}export {};\n`, "converters.d.ts": `${GENERATED_HEADER}export {};\n` };
  return {
    "converters.js": `${GENERATED_HEADER}import { writeBody } from "../src/write-body.js";\n\n${javascript.join("\n")}`,
    "converters.d.ts": `${GENERATED_HEADER}import type { ${[...schemas].join(", ")} } from "./schema.js";\n\n${declarations.join("\n")}`,
  };
}

/**
 * Which fields of `to` (a request body) are read from `from` (the response) and how: a field that
 * `to` declares as the id of an object `from` embeds (`x-piriod-id-of`) is that object's `id`
 * (`country: "CL"` from `country: { id: "CL", … }`); the others are copied.
 */
function bodyFields(
  document: SpecDocument,
  from: string,
  to: string,
  where: string,
): { fields: string[]; ids: string[]; required: string[] } {
  const request = componentSchema(document, to);
  const response = propertiesOf(componentSchema(document, from));
  const related = idFields(document, to, from, where);
  const fields: string[] = [];
  for (const field of Object.keys(propertiesOf(request))) {
    if (response[field] !== undefined) fields.push(field);
    else if (request?.required?.includes(field))
      throw new PipelineError(`operations: ${where}: ${to} requires ${field}, which ${from} does not have`);
  }
  return {
    fields,
    ids: fields.filter((field) => field in related),
    required: (request?.required ?? []).filter((field) => fields.includes(field)),
  };
}

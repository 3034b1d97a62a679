import ts from "typescript";
import { byResource, type ClientMethod, clientMethods } from "./lib/client-methods.ts";
import { converterFiles } from "./lib/converters.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { type SpecDocument, typesOf } from "./lib/spec-document.ts";
import {
  constStatement,
  dynamicImport,
  exported,
  factory,
  indexedAccess,
  namedImport,
  objectExpression,
  printModule,
  typeReference,
  withDoc,
} from "./lib/ts-nodes.ts";
import { kebabCase } from "./lib/validated-schemas.ts";

const QUESTION = factory.createToken(ts.SyntaxKind.QuestionToken);
const STRING = factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);

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
    "operations.js": GENERATED_HEADER + printModule(operationTable(methods)),
    "operations.d.ts": GENERATED_HEADER + printModule(operationTableDeclaration()),
    "resources.d.ts": GENERATED_HEADER + printModule(resourceTypes(methods)),
    ...converterFiles(document, methods, reserved),
  };
}

/** The schemas the methods send or answer with, in the order they first appear. */
function schemasOf(methods: ClientMethod[]): string[] {
  return [
    ...new Set(
      methods
        .flatMap((method) => [method.requestSchema, method.success.schema])
        .filter((name): name is string => name !== undefined),
    ),
  ];
}

/**
 * `const validateCustomer = () => import("./validators/customer.js").then((module) => module.validateCustomer);` for each
 * schema (one loader however many operations use it), then `export const operations = { customers: { list: { … } } };`.
 */
function operationTable(methods: ClientMethod[]): ts.Statement[] {
  const loaders = schemasOf(methods).map((schema) => {
    const module = factory.createIdentifier("module");
    const loaded = factory.createCallExpression(
      factory.createPropertyAccessExpression(dynamicImport(`./validators/${kebabCase(schema)}.js`), "then"),
      undefined,
      [arrow([module], factory.createPropertyAccessExpression(module, `validate${schema}`))],
    );
    return constStatement(`validate${schema}`, { value: arrow([], loaded) });
  });
  const table = objectExpression(
    [...byResource(methods)].map(([resource, members]) => [
      resource,
      objectExpression(members.map((method) => [method.name, objectExpression(operationEntry(method))])),
    ]),
  );
  return [
    ...loaders,
    withDoc(
      constStatement("operations", { value: table, modifiers: exported() }),
      "Every operation of the spec, by the client method its `x-piriod-method` names.",
    ),
  ];
}

/** An operation as the table holds it (src/operation.ts's `Operation`): only what it has. */
function operationEntry(method: ClientMethod): [string, ts.Expression | unknown][] {
  const validator = (schema: string) => factory.createIdentifier(`validate${schema}`);
  return [
    ["method", method.method],
    ["path", method.path],
    ["pathParams", method.pathParams],
    ...(method.query.length > 0
      ? [["query", method.query.map(({ name, prefix }) => (prefix ? `${prefix}*` : name))] as [string, unknown]]
      : []),
    ...(arrays(method).length > 0 ? [["arrays", arrays(method)] as [string, unknown]] : []),
    ...(method.requestSchema ? [["body", validator(method.requestSchema)] as [string, ts.Expression]] : []),
    ["status", method.success.status],
    ...(method.success.schema ? [["response", validator(method.success.schema)] as [string, ts.Expression]] : []),
    ...(method.paginated ? [["paginated", true] as [string, unknown]] : []),
  ];
}

/** The query parameters of `method` whose schema is an array. */
function arrays(method: ClientMethod): string[] {
  return method.query.filter(({ schema }) => typesOf(schema).includes("array")).map(({ name }) => name);
}

/** `export declare const operations: OperationTable;`, the type of src/operation.ts. */
function operationTableDeclaration(): ts.Statement[] {
  return [
    namedImport(["OperationTable"], "../src/operation.js", { typeOnly: true }),
    withDoc(
      constStatement("operations", { type: typeReference("OperationTable"), modifiers: exported({ declare: true }) }),
      "Every operation of the spec, by resource and method (`operations.customers.update`).",
    ),
  ];
}

/** Each method's query interface, each resource's interface of methods, and `Resources`, the client's resources. */
function resourceTypes(methods: ClientMethod[]): ts.Statement[] {
  const queries: ts.Statement[] = [];
  const resources = [...byResource(methods)].map(([resource, members]) => {
    const signatures = members.map((method) => {
      const operation = indexedAccess(typeReference("operations"), method.operationId);
      const query = `${pascalCase(resource)}${pascalCase(method.name)}Query`;
      if (method.query.length > 0) queries.push(queryType(query, operation, method));
      const parameters = [
        ...method.pathParams.map((param) => parameter(param, indexedAccess(operation, "parameters", "path", param))),
        ...(method.requestSchema ? [parameter("body", typeReference(method.requestSchema), method.bodyOptional)] : []),
        ...(method.query.length > 0
          ? [parameter("query", typeReference(query), !method.query.some(({ required }) => required))]
          : []),
        parameter("options", typeReference("RequestOptions"), true),
      ];
      const result = method.paginated
        ? typeReference("PagePromise", [
            factory.createIndexedAccessTypeNode(
              indexedAccess(typeReference(method.success.schema ?? "never"), "results"),
              factory.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
            ),
          ])
        : typeReference("PiriodPromise", [
            method.success.schema
              ? typeReference(method.success.schema)
              : factory.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword),
          ]);
      return withDoc(
        factory.createMethodSignature(undefined, method.name, undefined, undefined, parameters, result),
        methodDoc(method),
      );
    });
    return withDoc(
      factory.createInterfaceDeclaration(
        exported(),
        `${pascalCase(resource)}Resource`,
        undefined,
        undefined,
        signatures,
      ),
      `\`piriod.${resource}\`: the methods of the operations whose x-piriod-method names \`${resource}\`.`,
    );
  });
  const members = [...byResource(methods).keys()].map((resource) =>
    factory.createPropertySignature(undefined, resource, undefined, typeReference(`${pascalCase(resource)}Resource`)),
  );
  return [
    namedImport(["RequestOptions"], "../src/options.js", { typeOnly: true }),
    namedImport(["PagePromise"], "../src/pages.js", { typeOnly: true }),
    namedImport(["PiriodPromise"], "../src/promises.js", { typeOnly: true }),
    namedImport(["operations", ...schemasOf(methods)], "./schema.js", { typeOnly: true }),
    ...queries,
    ...resources,
    withDoc(
      factory.createInterfaceDeclaration(exported(), "Resources", undefined, undefined, members),
      "The client's resources, each named by the operations that declare it.",
    ),
  ];
}

/**
 * The query object of a method: each parameter as the spec types it, but a date-time, which takes a `Date` as well as its ISO 8601
 * text, and a family of names (`x-piriod-query-prefix`), whose keys are the prefix and any name, each with a string.
 */
function queryType(name: string, operation: ts.TypeNode, method: ClientMethod): ts.Statement {
  const members = method.query.map((query) => {
    const member: ts.TypeElement =
      query.prefix !== undefined
        ? factory.createIndexSignature(
            undefined,
            [
              factory.createParameterDeclaration(
                undefined,
                undefined,
                "key",
                undefined,
                factory.createTemplateLiteralType(factory.createTemplateHead(query.prefix), [
                  factory.createTemplateLiteralTypeSpan(STRING, factory.createTemplateTail("")),
                ]),
              ),
            ],
            STRING,
          )
        : factory.createPropertySignature(
            undefined,
            factory.createStringLiteral(query.name),
            query.required ? undefined : QUESTION,
            query.schema?.format === "date-time"
              ? factory.createUnionTypeNode([typeReference("Date"), STRING])
              : indexedAccess(
                  typeReference("NonNullable", [indexedAccess(operation, "parameters", "query")]),
                  query.name,
                ),
          );
    return withDoc(member, query.description);
  });
  return withDoc(
    factory.createInterfaceDeclaration(exported(), name, undefined, undefined, members),
    `The query of \`${method.resource}.${method.name}\` (\`${method.where}\`).`,
  );
}

function parameter(name: string, type: ts.TypeNode, optional = false): ts.ParameterDeclaration {
  return factory.createParameterDeclaration(undefined, undefined, name, optional ? QUESTION : undefined, type);
}

function arrow(parameters: ts.Identifier[], body: ts.ConciseBody): ts.ArrowFunction {
  return factory.createArrowFunction(
    undefined,
    undefined,
    parameters.map((name) => factory.createParameterDeclaration(undefined, undefined, name)),
    undefined,
    factory.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    body,
  );
}

function methodDoc(method: ClientMethod): string {
  const { summary, description } = method.operation;
  return `${summary ?? method.operationId} (\`${method.where}\`)${description ? `\n\n${description.trim()}` : ""}`;
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

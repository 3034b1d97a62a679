import { beforeAll, describe, expect, it } from "vitest";
import { ProjectCopy } from "../helpers/project-copy.ts";

// The x-piriod-* extensions are checked by the Redocly plugin in lint/redocly/, so `npm run lint` reports a bad value at the
// spec file and line where it is written. One copy of the spec carries one bad edit of each rule, and one lint run must report
// every one of them, each at its file and line; test/spec/bad-edits.test.ts shows generation stopping at such an edit.
interface BadExtension {
  rule: string;
  file: string;
  search: string;
  replacement: string;
  /** `file:line` of the problem, and its message. */
  at: string;
  message: string;
}

const edits: BadExtension[] = [
  {
    rule: "piriod/client-method",
    file: "openapi/paths/customers_.yaml",
    search: "  x-piriod-method: customers.list\n",
    replacement: "  x-piriod-method: Customers.List\n",
    at: "paths/customers_.yaml:6:",
    message:
      'GET /customers/: x-piriod-method "Customers.List" must be resource.method in lower camel case (customers.update)',
  },
  {
    rule: "piriod/client-method",
    file: "openapi/paths/contacts_{id}_.yaml",
    search: "  x-piriod-method: contacts.retrieve\n",
    replacement: "  x-piriod-method: contacts.delete\n",
    at: "paths/contacts_{id}_.yaml:124:",
    message: "DELETE /contacts/{id}/ and GET /contacts/{id}/ both declare x-piriod-method contacts.delete",
  },
  {
    rule: "piriod/client-method",
    file: "openapi/paths/contacts_.yaml",
    search: "  x-piriod-method: contacts.list\n",
    replacement: "  x-piriod-method: raw.list\n",
    at: "paths/contacts_.yaml:6:",
    message: 'GET /contacts/: x-piriod-method raw.list takes "raw", which the client keeps for itself',
  },
  {
    rule: "piriod/query-prefix",
    file: "openapi/paths/customers_.yaml",
    search: "      x-piriod-query-prefix: metadata__\n",
    replacement: "      x-piriod-query-prefix: meta data\n",
    at: "paths/customers_.yaml:90:",
    message: 'x-piriod-query-prefix of metadata must be a word (metadata__), not "meta data"',
  },
  {
    rule: "piriod/id-prefix",
    file: "openapi/components/schemas/Contact.yaml",
    search: "x-piriod-id-prefix: con\n",
    replacement: "x-piriod-id-prefix: Con\n",
    at: "components/schemas/Contact.yaml:8:",
    message: 'x-piriod-id-prefix of Contact must be lower-case letters (cus), not "Con"',
  },
  {
    rule: "piriod/id-of",
    file: "openapi/components/schemas/CustomerWrite.yaml",
    search: "    x-piriod-id-of: Country\n",
    replacement: "    x-piriod-id-of: State\n",
    at: "components/schemas/CustomerWrite.yaml:36:",
    message: "CustomerWrite.country declares x-piriod-id-of: State, but Customer.country is not a $ref to State",
  },
  {
    rule: "piriod/to-body",
    file: "openapi/paths/contacts_{id}_.yaml",
    search: "  x-piriod-to-body: toContactUpdate\n",
    replacement: "  x-piriod-to-body: to-contact-update\n",
    at: "paths/contacts_{id}_.yaml:59:",
    message: 'x-piriod-to-body must name a function (toCustomerUpdate), not "to-contact-update"',
  },
  {
    rule: "piriod/write-rules",
    file: "openapi/components/schemas/Country.yaml",
    search: "x-piriod-catalogue: countries\n",
    replacement: "x-piriod-catalogue: Countries List\n",
    at: "components/schemas/Country.yaml:9:",
    message: 'x-piriod-catalogue must name an option of the fake in lower camel case (countries), not "Countries List"',
  },
  {
    rule: "piriod/write-rules",
    file: "openapi/components/schemas/ContactWrite.yaml",
    search: "  count: 7\n",
    replacement: "  count: seven\n",
    at: "components/schemas/ContactWrite.yaml:15:",
    message:
      'x-piriod-max-per must be { count, fields } ({ count: 7, fields: [customer, orgunit] }), not {"count":"seven","fields":["customer","orgunit"]}',
  },
  {
    rule: "piriod/write-rules",
    file: "openapi/paths/customers_{id}_.yaml",
    search: "  x-piriod-method: customers.retrieve\n",
    replacement: "  x-piriod-method: customers.retrieve\n  x-piriod-delete-refused: Not now.\n",
    at: "paths/customers_{id}_.yaml:8:",
    message: "x-piriod-delete-refused is read only on a delete",
  },
];

let lint: { status: number; stderr: string };

beforeAll(async () => {
  const copy = await ProjectCopy.create();
  try {
    for (const { file, search, replacement } of edits) await copy.edit(file, search, replacement);
    lint = await copy.runScript("lint-spec");
  } finally {
    await copy.remove();
  }
}, 120_000);

describe("a bad value of an x-piriod-* extension", () => {
  it("fails lint", () => {
    expect(lint.status).not.toBe(0);
  });

  it.each(edits)("$rule: $message", ({ rule, at, message }) => {
    const line = lint.stderr.split("\n").find((text) => text.includes(message));
    expect(line, lint.stderr).toBeDefined();
    expect(line).toContain(at);
    expect(line).toContain(rule);
  });

  it("is the only problem the lint reports: each rule finds its own edit and nothing else", () => {
    const problems = lint.stderr.split("\n").filter((text) => /\s(error|warning)\s/.test(text));
    expect(problems).toHaveLength(edits.length);
    // The webhook is Piriod's request, not a client method: it has no x-piriod-method, and no rule asks it for one.
    expect(problems.filter((text) => text.includes("webhooks/"))).toEqual([]);
  });
});

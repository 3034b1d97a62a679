import { describe, expect, it } from "vitest";
import { useProjectCopy } from "../helpers/project-copy.ts";

// The webhook is linted by the rules of the operations (redocly.yaml), as far as Redocly applies them to a webhook: its
// request is Piriod's, so its body's media type falls under response-mime-type, and the 2xx and 4xx response rules skip it
// (openapi/README.md lists which apply). Each mistake below is one a rule catches; one lint run must name them all. (`npm run
// lint` holds the webhook as written to zero problems.)
const WEBHOOK = "openapi/webhooks/event.yaml";

const MISTAKES: { rule: string; search: string; replacement: string }[] = [
  { rule: "operation-operationId", search: "  operationId: receiveWebhookEvent\n", replacement: "" },
  { rule: "operation-singular-tag", search: "    - webhooks\n", replacement: "    - webhooks\n    - customers\n" },
  { rule: "security-defined", search: "  security: []\n", replacement: "  security:\n    - Signature: []\n" },
  {
    rule: "parameter-description",
    search: "      required: true\n      description: |\n",
    replacement: "      required: true\n      x-note: |\n",
  },
  {
    rule: "no-invalid-parameter-examples",
    search: "      example: dcd84d742c6be4e916e39a67585bcdd9c500f79d9f5f35384789af18bbfd1255\n",
    replacement: "      example: DCD84D742C6BE4E916E39A67585BCDD9C500F79D9F5F35384789AF18BBFD1255\n",
  },
  { rule: "no-invalid-media-type-examples", search: "object_id: pay_123", replacement: "object_id: 123" },
  {
    rule: "no-invalid-schema-examples",
    search: "        pattern: ^[0-9a-f]{64}$\n",
    replacement: "        pattern: ^[0-9a-f]{64}$\n        examples:\n          - not-hex\n",
  },
  {
    rule: "response-mime-type",
    search: "      application/json:\n",
    replacement: "      application/x-www-form-urlencoded:\n",
  },
];

describe("the webhook's lint", () => {
  const project = useProjectCopy();

  it("names each mistake the rules catch in it, with its file", async () => {
    const copy = project();
    for (const { search, replacement } of MISTAKES) await copy.edit(WEBHOOK, search, replacement);
    const lint = await copy.runScript("lint-spec");
    expect(lint.status).not.toBe(0);
    const problems = lint.stderr.split("\n").filter((line) => line.includes("webhooks/event.yaml"));
    const rules = new Set(problems.map((line) => line.trim().split(/\s+/)[2]));
    expect([...MISTAKES.map(({ rule }) => rule)].filter((rule) => !rules.has(rule))).toEqual([]);
  });
});

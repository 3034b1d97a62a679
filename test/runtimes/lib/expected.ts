/** What the consumer scenario (consumer/scenario.mjs) must see in every runtime, written out by hand. */
const NAMES = ["Andes SpA", "Bío Bío Ltda", "Cordillera SA", "Desierto SpA", "Estrecho Ltda"];

export const EXPECTED_REPORT = {
  guard: "quiet",
  created: NAMES,
  listed: NAMES,
  pages: { count: 5, items: 2, hasNextPage: true },
  retrieved: "Andes SpA",
  retried: 1,
  updated: { id: true, email: "pagos@andes.cl" },
  deleted: "undefined",
  notFound: { name: "PiriodNotFoundError", status: 404, instanceOf: true },
  badRequest: {
    name: "PiriodBadRequestError",
    status: 400,
    instanceOf: true,
    fieldErrors: [{ path: "/email", message: "Enter a valid email address." }],
  },
};

/** What the fake receives from one run of the scenario. */
export const EXPECTED_RECEIVED = [
  ...NAMES.map(() => "customers.create 201"),
  // Three pages of two for `for await`, then the first page alone.
  "customers.list 200",
  "customers.list 200",
  "customers.list 200",
  "customers.list 200",
  "customers.retrieve 429",
  "customers.retrieve 200",
  "customers.update 200",
  "customers.delete 204",
  "customers.retrieve 404",
  "customers.create 400",
];

/** What the webhooks part of the scenario (`webhooks` in consumer/scenario.mjs) must see in every runtime. */
export const EXPECTED_WEBHOOKS = {
  documented: { event: "payment.created", object_id: "pay_123" },
  tampered: "PiriodWebhookSignatureError: mismatch",
  bytes: { event: "payment.created", object_id: "pay_123" },
  handled: [{ event: "payment.created", object_id: "pay_123" }],
  delivered: ["delivered 204"],
};

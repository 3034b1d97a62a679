/**
 * `@piriod/api/testing`: a fake Piriod for the tests of code that uses this package. It serves every
 * operation of the spec from memory, driven by the generated operation table, validators and
 * model (generated/fake-model.js), and is used as the client's `fetch`, as msw handlers or over
 * HTTP. The client's entry points never import it.
 */

export type { FieldErrorBody } from "./drf-errors.js";
export type {
  FakeFields,
  FakeOperation,
  FakeSeed,
  FakeSpace,
  MswHttp,
  PiriodFake,
  PiriodFakeOptions,
  ReceivedRequest,
} from "./fake.js";
export { createPiriodFake } from "./fake.js";
export type { FakeFault } from "./faults.js";
export type { FakeServer } from "./http-server.js";
export type {
  FakeWebhook,
  FakeWebhookDelivery,
  FakeWebhookOptions,
  FakeWebhookOutcome,
  FakeWebhooks,
} from "./webhooks.js";

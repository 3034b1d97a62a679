/**
 * `@piriod/api/testing`: a fake Piriod for the tests of code that uses this package. It serves every
 * operation of the spec from memory, driven by the generated operation table, validators and
 * model (generated/fake-model.js), and is used as the client's `fetch`, as msw handlers or over
 * HTTP. The client's entry points never import it.
 *
 * The fake's modules beside this one serve any spec; this entry point hands them this package's:
 * the generated table, models, validators and types meet the fake's runtime here alone.
 */
import { type ResourceObjects, resources } from "../../generated/fake-model.js";
import { type FakeCatalogues, rules } from "../../generated/fake-rules.js";
import { operations } from "../../generated/operations.js";
import type { Resources } from "../../generated/resources.js";
import * as validators from "../../generated/validators.js";
import {
  createFake,
  type FakeOf,
  type FakeOptions,
  type OperationNameOf,
  type ReceivedRequestOf,
  type SeedOf,
} from "./fake.js";

export type { FieldErrorBody } from "./drf-errors.js";
export type { FakeFields, FakeSpace, MswHttp } from "./fake.js";
export type { FakeFault } from "./faults.js";
export type { FakeServer } from "./http-server.js";
export type {
  FakeWebhook,
  FakeWebhookDelivery,
  FakeWebhookOptions,
  FakeWebhookOutcome,
  FakeWebhooks,
} from "./webhooks.js";

/** An operation by its client method: `customers.update`. */
export type FakeOperation = OperationNameOf<Resources>;

/** Objects to start from, by resource. */
export type FakeSeed = SeedOf<ResourceObjects>;

/** A request the fake received, for assertions. */
export interface ReceivedRequest extends ReceivedRequestOf<FakeOperation> {}

/** A fake Piriod: a `fetch`, msw handlers and a server over HTTP, with the objects, requests and faults a test controls. */
export interface PiriodFake extends FakeOf<FakeOperation, ResourceObjects> {}

/** The options of `createPiriodFake`: the fake's own, and the catalogues of the objects Piriod knows (`countries`, `states`). */
export interface PiriodFakeOptions extends FakeOptions<ResourceObjects>, FakeCatalogues {}

/** A fake Piriod in memory, serving every operation of the spec as Piriod would. */
export function createPiriodFake(options: PiriodFakeOptions = {}): PiriodFake {
  return createFake<FakeOperation, ResourceObjects>({ operations, resources, validators, rules }, options);
}

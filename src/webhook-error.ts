import { PiriodError } from "./root-errors.js";

/**
 * Why `verifyWebhook` refused a delivery:
 * - `missing`: no `x-piriod-signature`;
 * - `mismatch`: a signature, but not the body's under this secret (another webhook's secret, a body changed on the way, a forgery);
 * - `body`: the body is larger than `verifyWebhook` reads, not UTF-8, or not a JSON object;
 * - `unsignable`: a value Piriod's string cannot be built from exactly (a float, a nested object or list, a lone surrogate);
 * - `fields`: signed with the secret, but not a delivery as Piriod documents it: exactly `event` and `object_id`, both strings.
 */
export type WebhookRefusal = "missing" | "mismatch" | "body" | "unsignable" | "fields";

/** A webhook delivery that is not verifiably Piriod's: answer it 400 and do nothing with it. `reason` says why. */
export class PiriodWebhookSignatureError extends PiriodError {
  constructor(
    readonly reason: WebhookRefusal,
    message: string,
  ) {
    super(message);
  }
  // On the prototype by a getter, not by assignment, so that a bundle that never uses the class can drop it.
  override get name(): string {
    return "PiriodWebhookSignatureError";
  }
}

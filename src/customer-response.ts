import type { Customer } from "../generated/schema.js";
import type { ValidationIssue } from "../generated/validators/runtime.js";
import { summarise } from "./api-error.js";
import { customerValidator } from "./body-validation.js";
import { PiriodResponseValidationError } from "./errors.js";
import type { Redactor } from "./redact.js";

const JSON_MEDIA_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

/**
 * The `Customer` of a 2xx, from the raw text openapi-fetch read (`undefined` for an empty body).
 * A body that is not JSON cannot become a `Customer` whatever the validation setting, so it is
 * refused with the text kept; with `validate` on, the parsed body must also match the schema.
 * `call` names the request in messages (`PATCH /customers/cus_1/`).
 */
export function customerFromResponse(text: string | undefined, response: Response, validate: boolean, call: () => string, redact: Redactor): Customer | Promise<Customer> {
  const raw = text ?? "";
  const contentType = response.headers.get("content-type");
  if (contentType !== null && !JSON_MEDIA_TYPE.test(contentType)) {
    const message = `expected application/json, got ${contentType} (${summarise(redact.text(raw))})`;
    throw refusal(call(), response, raw, [{ path: "", keyword: "contentType", message }], redact);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    const message = raw === "" ? "the body is empty" : `the body is not valid JSON (${(error as Error).message})`;
    throw refusal(call(), response, raw, [{ path: "", keyword: "json", message }], redact);
  }
  if (!validate) return body as Customer;
  return customerValidator.load().then((validateCustomer) => {
    const result = validateCustomer(body);
    if (!result.ok) throw refusal(call(), response, body, result.errors, redact);
    return result.value;
  });
}

function refusal(call: string, response: Response, body: unknown, errors: ValidationIssue[], redact: Redactor): PiriodResponseValidationError {
  const lines = errors.map((issue) => issue.message).join("; ");
  const message = `${call} answered ${response.status} with a body that is not a Customer: ${lines}`;
  return new PiriodResponseValidationError(message, errors, response.status, redact.json(body), redact.headers(response.headers));
}

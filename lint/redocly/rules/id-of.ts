import type { OperationObject, SchemaObject } from "openapi-typescript";
import type { Rule } from "../redocly-api.ts";
import { isReference, propertiesOf, typesOf } from "../schemas.ts";
import { follow, reporter, requestSchema, responseSchema, schemaNameAt } from "../spec-nodes.ts";

/**
 * `piriod/id-of`: a request field that sends the id of an object the response embeds declares that object's schema
 * (`country: { type: string, x-piriod-id-of: Country }` beside `Customer.country: { $ref: Country.yaml }`), and the id is of the
 * field's type. The converters send back the object's id, and the fake answers the id with the object.
 */
export const idOf: Rule = () => {
  const seen = new Set<string>();
  return {
    Operation: {
      enter(operation: OperationObject, context) {
        const located = { node: operation, location: context.location };
        const request = requestSchema(context, located);
        const response = responseSchema(context, located);
        if (request === undefined) return;
        const report = reporter(context, seen);
        const properties = request.location.child("properties");
        for (const [field, written] of Object.entries(propertiesOf(request.node))) {
          const property = follow<SchemaObject>(context, written, properties.child(field));
          const related: unknown = property?.node["x-piriod-id-of"];
          if (property === undefined || related === undefined) continue;
          const at = property.location.child("x-piriod-id-of");
          const rule = `${request.name}.${field} declares x-piriod-id-of: ${String(related)}`;
          if (typeof related !== "string") {
            report(`${rule}, which is not the name of a schema`, at);
            continue;
          }
          // Only an operation that answers with an object can say what the field's id stands for.
          if (response === undefined) continue;
          const answered = propertiesOf(response.node)[field];
          const embedded = isReference(answered)
            ? follow<SchemaObject>(context, answered, response.location.child(["properties", field]))
            : undefined;
          if (embedded === undefined || schemaNameAt(embedded.location) !== related) {
            report(`${rule}, but ${response.name}.${field} is not a $ref to ${related}`, at);
            continue;
          }
          const id = propertiesOf(embedded.node).id;
          const idTypes = typesOf(id && follow<SchemaObject>(context, id, embedded.location)?.node).join();
          if (idTypes === "" || idTypes !== typesOf(property.node).join())
            report(
              `${rule}, but ${related}.id is not of ${request.name}.${field}'s type (${typesOf(property.node).join()})`,
              at,
            );
        }
      },
    },
  };
};

import { type HttpHandler, http } from "msw";
import { type SetupServer, setupServer } from "msw/node";
import { describe, expectTypeOf, it } from "vitest";
import { createPiriodFake } from "../../src/testing/index.js";

const fake = createPiriodFake();

describe("fake.handlers with msw 2.x", () => {
  it("takes msw's own http namespace and returns msw's handlers", () => {
    expectTypeOf(fake.handlers(http)).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(fake.handlers(http, { baseUrl: "https://gateway.example.test/piriod" })).toEqualTypeOf<
      HttpHandler[]
    >();
  });

  it("spreads into setupServer", () => {
    expectTypeOf(setupServer(...fake.handlers(http))).toEqualTypeOf<SetupServer>();
    expectTypeOf(
      setupServer(
        ...fake.handlers(http),
        http.get("https://other.example.test/", () => new Response("ok")),
      ),
    ).toEqualTypeOf<SetupServer>();
  });

  it("refuses what is not an http namespace, and a base URL that is not a string", () => {
    // @ts-expect-error no `all` to register the handler with
    fake.handlers({ get: http.get });
    // @ts-expect-error the base URL is a string
    fake.handlers(http, { baseUrl: new URL("https://api.piriod.com") });
  });
});

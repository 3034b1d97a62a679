// The scenario in Cloudflare's workerd, bundled as wrangler bundles a worker: over HTTP on the
// fake whose URL is the PIRIOD_FAKE_URL binding, then in-process on @piriod/api/testing's fetch; then webhooks.
import * as api from "@piriod/api";
import * as testing from "@piriod/api/testing";
import { API_KEY, prepare, received, scenario, webhooks } from "./scenario.mjs";

export default {
  async fetch(_request, env) {
    try {
      const overHttp = await scenario(api, { baseUrl: env.PIRIOD_FAKE_URL });
      const fake = testing.createPiriodFake({ apiKey: API_KEY });
      prepare(fake);
      const inProcess = await scenario(api, { fetch: fake.fetch });
      return Response.json({
        overHttp,
        inProcess: { ...inProcess, received: received(fake) },
        webhooks: await webhooks(api, testing),
      });
    } catch (error) {
      return Response.json({ error: String(error?.stack ?? error) }, { status: 500 });
    }
  },
};

// The fake Piriod over HTTP, for a runtime to reach as a real API: started by the test, on
// 127.0.0.1 and a free port, and stopped by its PID. On SIGTERM it prints what it received.
import { createPiriodFake } from "@piriod/api/testing";
import { API_KEY, prepare, received } from "./scenario.mjs";

const fake = createPiriodFake({ apiKey: API_KEY });
prepare(fake);
const server = await fake.listen(0);
console.log(JSON.stringify({ url: server.url }));
process.once("SIGTERM", async () => {
  await server.close();
  console.log(JSON.stringify({ received: received(fake) }));
  process.exit(0);
});

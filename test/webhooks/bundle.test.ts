import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleApp, gzipTotal, upFront } from "../../bench/lib/bundle-size.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// verifyWebhook is in both entries, beside the client: a browser app that never verifies a webhook must carry none of it (the
// client's size budget in test/budgets/ counts no webhook code), and one that verifies must not carry the call path. Built as
// test/budgets/ builds apps: the package as dist/ ships it, by the `browser` export condition.
const WEBHOOK_CODE = /HMAC|x-piriod-signature|fatal:/;
/** The call path and its transport; the error classes may come along, as the package's chunks hold them with the options. */
const CLIENT_CODE = /maxResponseBytes|dangerouslyAllowBrowser|retry-after/i;

const upFrontText = async (source: string) => {
  const bundle = await bundleApp(source, "browser", REPO_ROOT);
  return {
    text: upFront(bundle)
      .map((chunk) => chunk.text)
      .join("\n"),
    gzip: gzipTotal(upFront(bundle)),
  };
};

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, "dist", "src", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` before the bundle tests");
});

describe("a browser app", () => {
  it("that makes a client and never verifies a webhook carries none of verifyWebhook", async () => {
    const { text } = await upFrontText(
      `import { createPiriodClient } from "@piriod/api"; export const piriod = createPiriodClient({ apiKey: "k", workspace: "w" });`,
    );
    expect(text.match(CLIENT_CODE)?.[0]).toBeDefined();
    expect(text.match(WEBHOOK_CODE)?.[0]).toBeUndefined();
  });

  it("that verifies webhooks carries no call path, in under 4,500 B gzipped", async () => {
    const { text, gzip } = await upFrontText(
      `import { verifyWebhook } from "@piriod/api"; export const verify = (body, signature) => verifyWebhook({ body, signature, secret: "whsecret_x" });`,
    );
    expect(text.match(WEBHOOK_CODE)?.[0]).toBeDefined();
    expect(text.match(CLIENT_CODE)?.[0]).toBeUndefined();
    // 3,996 B when set: the verifier and the error classes' chunk, whose classes keep the key out of toJSON and inspect.
    expect(gzip).toBeLessThan(4_500);
  });
});

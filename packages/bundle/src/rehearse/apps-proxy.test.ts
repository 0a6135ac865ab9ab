import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type AppsProxy, startAppsProxy } from "./apps-proxy.ts";

let app: Server | undefined;
let proxy: AppsProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
});

describe("Apps proxy stand-in", () => {
  it("forwards requests with the signed-in user's headers and drops identity headers the client sent", async () => {
    app = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        response.writeHead(201, { "content-type": "application/json", "x-app": "yes" });
        response.end(
          JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }),
        );
      });
    });
    await new Promise<void>((resolve) => app?.listen(0, "127.0.0.1", resolve));
    const target = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    proxy = await startAppsProxy({
      target,
      user: { email: "ada@example.com", userName: "Ada", accessToken: "user-tok" },
    });
    const response = await fetch(`${proxy.url}/notes?x=1`, {
      method: "POST",
      headers: { "x-forwarded-email": "mallory@example.com", "content-type": "text/plain" },
      body: "hello",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-app")).toBe("yes");
    const seen = (await response.json()) as {
      method: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(seen).toMatchObject({ method: "POST", url: "/notes?x=1", body: "hello" });
    expect(seen.headers).toMatchObject({
      "x-forwarded-email": "ada@example.com",
      "x-forwarded-user": "ada@example.com",
      "x-forwarded-preferred-username": "Ada",
      "x-forwarded-access-token": "user-tok",
    });
    expect(seen.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(proxy.requests).toBe(1);
  });
});

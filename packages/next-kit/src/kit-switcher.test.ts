import { describe, expect, it } from "vitest";
import { parseKitUrls } from "./kit-switcher.ts";

describe("parseKitUrls", () => {
  it("lists every kit and marks the current one", () => {
    expect(
      parseKitUrls("customer-hub=http://127.0.0.1:3101, agent-ops=http://127.0.0.1:3102", "agent-ops"),
    ).toEqual([
      { kit: "customer-hub", url: "http://127.0.0.1:3101", current: false },
      { kit: "agent-ops", url: "http://127.0.0.1:3102", current: true },
    ]);
  });
  it("falls back to only the current kit when unset", () => {
    expect(parseKitUrls(undefined, "customer-hub")).toEqual([
      { kit: "customer-hub", url: "/", current: true },
    ]);
  });
  it("names a malformed entry", () => {
    expect(() => parseKitUrls("customer-hub:3101", "customer-hub")).toThrow(/"customer-hub:3101"/);
  });
});

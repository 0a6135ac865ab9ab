import { describe, expect, it } from "vitest";
import { formatRunningKits, parseRunningKits } from "./kit-switcher.ts";

const hub = { id: "customer-hub", title: "Customer Hub", url: "http://127.0.0.1:3101" };
const ops = { id: "agent-ops", title: "Agent Ops", url: "http://127.0.0.1:3102" };

describe("parseRunningKits", () => {
  it("lists every kit appbase up serves and marks the current one", () => {
    expect(parseRunningKits(formatRunningKits([hub, ops]), ops)).toEqual([
      { ...hub, current: false },
      { ...ops, current: true },
    ]);
  });
  it("falls back to only the current kit when unset or empty", () => {
    for (const value of [undefined, "", "  "])
      expect(parseRunningKits(value, hub)).toEqual([{ ...hub, url: "/", current: true }]);
  });
  it("adds the current kit when the list lacks it", () => {
    expect(parseRunningKits(formatRunningKits([hub]), ops).map((k) => k.id)).toEqual([
      "agent-ops",
      "customer-hub",
    ]);
  });
  it.each([
    "customer-hub=http://127.0.0.1:3101",
    '[{"id":"Customer Hub","title":"x","url":"http://a"}]',
    '[{"id":"hub","title":"x","url":"javascript:alert(1)"}]',
    '{"id":"hub"}',
  ])("refuses a malformed value %s", (value) => {
    expect(() => parseRunningKits(value, hub)).toThrow(/APPBASE_KITS is malformed/);
  });
});

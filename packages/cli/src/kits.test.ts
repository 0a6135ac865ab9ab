import { describe, expect, it } from "vitest";
import { portOffset } from "./kits.ts";

describe("APPBASE_PORT_OFFSET", () => {
  it("is 0 when unset or empty, else the whole number given", () => {
    expect(portOffset(undefined)).toBe(0);
    expect(portOffset(" ")).toBe(0);
    expect(portOffset("200")).toBe(200);
  });

  it.each(["-1", "1.5", "abc", "20001"])("refuses %j, naming the variable", (value) => {
    expect(() => portOffset(value)).toThrow(/APPBASE_PORT_OFFSET must be a whole number from 0 to 20000/);
  });
});

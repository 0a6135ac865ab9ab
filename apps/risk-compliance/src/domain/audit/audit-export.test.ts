import { describe, expect, it } from "vitest";
import { csvField } from "./audit-export.ts";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ['say "hi", then', '"say ""hi"", then"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["-1+2", "'-1+2"],
    [null, ""],
    [{ a: 1 }, '"{""a"":1}"'],
  ])("%j → %s", (value, expected) => expect(csvField(value)).toBe(expected));
});

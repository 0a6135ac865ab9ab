import { describe, expect, it } from "vitest";
import { escapeLike, sqlParameters } from "./sql-parameters.ts";

describe("sqlParameters", () => {
  it("numbers placeholders in the order values are bound", () => {
    const { values, bind } = sqlParameters();
    expect(`a = ${bind("x")} and b = ${bind(2)}`).toBe("a = $1 and b = $2");
    expect(values).toEqual(["x", 2]);
  });
});

describe("escapeLike", () => {
  it("escapes the pattern characters and nothing else", () => {
    expect(escapeLike(String.raw`50%_off\now`)).toBe(String.raw`50\%\_off\\now`);
    expect(escapeLike("plain text")).toBe("plain text");
  });
});

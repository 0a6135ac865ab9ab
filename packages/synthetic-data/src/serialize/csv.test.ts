import { describe, expect, it } from "vitest";
import type { Column } from "../types.ts";
import { csvField, csvHeader, csvLine } from "./csv.ts";

/** Minimal RFC 4180 reader used to prove the writer round-trips. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  return records;
}

describe("CSV (RFC 4180)", () => {
  it("quotes only fields that need it and doubles embedded quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
  });

  it("writes NULL as an empty field and the empty string as a quoted empty field", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe('""');
  });

  it("writes booleans, numbers and JSON as text", () => {
    expect(csvField(true)).toBe("true");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField({ a: [1, "x"] })).toBe('"{""a"":[1,""x""]}"');
  });

  it("round-trips tricky text through a conforming reader", () => {
    const columns: Column[] = [
      { name: "id", type: "text", nullable: false },
      { name: "note", type: "text", nullable: true },
    ];
    const note = 'He said "stop",\r\nthen left.';
    const text =
      csvHeader(columns) + csvLine(columns, { id: "x1", note }) + csvLine(columns, { id: "x2", note: null });
    expect(parseCsv(text)).toEqual([
      ["id", "note"],
      ["x1", note],
      ["x2", ""],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { html, text } from "../internal/test-html.ts";
import { MaskedValue } from "./masked-value.tsx";

describe("MaskedValue", () => {
  it("shows only the masked form with a lock and a readable reason", () => {
    const markup = html(<MaskedValue masked value="j•••@example.com" permission="customer.pii.read" />);
    expect(markup).not.toContain("jane.doe");
    expect(markup).toContain("<svg");
    expect(text(markup)).toBe("j•••@example.com(masked — requires permission customer.pii.read)");
    expect(markup).toContain('title="masked — requires permission customer.pii.read"');
  });

  it("can show the lock alone when no masked form is given", () => {
    expect(text(html(<MaskedValue masked permission="x.read" />))).toBe(
      "(masked — requires permission x.read)",
    );
  });

  it("renders visible values plainly and missing ones as a dash", () => {
    expect(text(html(<MaskedValue masked={false} value="Enterprise" />))).toBe("Enterprise");
    expect(text(html(<MaskedValue masked={false} value={null} />))).toBe("—");
  });
});

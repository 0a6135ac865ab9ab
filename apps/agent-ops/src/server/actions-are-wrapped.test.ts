import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { wrappedInfo } from "@appbase/next-kit/registry";
import { describe, expect, it, vi } from "vitest";

// next/cache only works inside a Next request; importing the action modules must not need it.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actionsDir = fileURLToPath(new URL("../actions/", import.meta.url));
const files = readdirSync(actionsDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("every server action goes through the one wrapper", () => {
  it("finds the action files", () => {
    expect(files).toEqual(expect.arrayContaining(["review.ts", "runs.ts", "identity.ts"]));
  });

  it.each(files)("%s exports only wrapped actions", async (file) => {
    const module = (await import(`../actions/${file}`)) as Record<string, unknown>;
    const exports = Object.entries(module);
    expect(exports.length).toBeGreaterThan(0);
    for (const [name, value] of exports) {
      expect(wrappedInfo(value), `${file} exports ${name} without defineAction`).toBeDefined();
    }
  });
});

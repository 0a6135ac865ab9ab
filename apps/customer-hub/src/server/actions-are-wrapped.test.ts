import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { wrappedInfo } from "@appbase/next-kit/registry";
import { describe, expect, it, vi } from "vitest";

// next/cache only works inside a Next request; importing the action modules must not need it.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actionsDir = fileURLToPath(new URL("../actions/", import.meta.url));
const files = readdirSync(actionsDir).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "fields.ts",
);

describe("every server action goes through the one wrapper", () => {
  it("finds the action files", () => {
    expect(files).toEqual(
      expect.arrayContaining(["notes.ts", "status.ts", "tasks.ts", "genie.ts", "identity.ts"]),
    );
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

// Route handlers other tools call; health is public on purpose (the orchestrator and Apps probe it).
const PUBLIC_ROUTES = new Set(["api/health/route.ts"]);
const appDir = fileURLToPath(new URL("../app/", import.meta.url));
const routes = (readdirSync(appDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith("route.ts"))
  .filter((f) => !PUBLIC_ROUTES.has(f));

describe("every route handler goes through the one wrapper", () => {
  it.each(routes)("%s exports only wrapped handlers", async (file) => {
    const module = (await import(`../app/${file}`)) as Record<string, unknown>;
    const handlers = Object.entries(module).filter(([name]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
    expect(handlers.length).toBeGreaterThan(0);
    for (const [name, value] of handlers)
      expect(wrappedInfo(value), `${file} ${name}`).toMatchObject({ kind: "route" });
  });
});

import { describe, expect, it } from "vitest";
import { startTestPostgres } from "./test-postgres.ts";

describe("startTestPostgres", () => {
  it("fails loudly, naming both fixes, when there is neither DATABASE_URL nor a Postgres install", async () => {
    await expect(startTestPostgres({ APPBASE_POSTGRES_BIN: "/nonexistent/postgres/bin" })).rejects.toThrow(
      /set DATABASE_URL .* or install the PostgreSQL binaries at APPBASE_POSTGRES_BIN \(looked in \/nonexistent\/postgres\/bin\)/,
    );
  });
});

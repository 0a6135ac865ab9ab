import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { datasetsMigrations } from "../migrations.ts";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), "appbase-datasets-drizzle-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("committed migrations", () => {
  it("already contain every change to the table declarations (else run `pnpm --filter @appbase/datasets db:generate`)", async () => {
    const out = join(scratch, "drizzle");
    await cp(datasetsMigrations.migrationsFolder, out, { recursive: true });
    const config = join(scratch, "drizzle.config.mjs");
    const tables = join(packageDir, "src", "tables");
    // drizzle-kit resolves `out` relative to the working directory.
    await writeFile(
      config,
      `export default ${JSON.stringify({
        dialect: "postgresql",
        schema: [join(tables, "schemas.ts"), join(tables, "*", "*.ts")],
        out: relative(packageDir, out),
        schemaFilter: ["customer", "agents", "risk", "operations"],
      })};\n`,
    );
    const bin = join(packageDir, "node_modules", ".bin", "drizzle-kit");
    const { stdout } = await promisify(execFile)(bin, ["generate", "--config", config], { cwd: packageDir });
    expect(stdout).toContain("No schema changes");
    expect((await readdir(out)).filter((f) => f.endsWith(".sql"))).toEqual(
      (await readdir(datasetsMigrations.migrationsFolder)).filter((f) => f.endsWith(".sql")),
    );
  });
});

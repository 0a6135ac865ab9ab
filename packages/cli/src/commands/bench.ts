import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import type { Command } from "commander";
import { benchPointRead } from "../bench/point-read.ts";
import { CliError, findRepoRoot } from "../repo.ts";

/** `appbase bench`: benchmarks with JSON output, each against a baseline measured in the same run. */
export function registerBenchCommand(program: Command): void {
  program
    .command("bench")
    .description("run the benchmarks and write JSON results to bench-results/")
    .option("--operations <n>", "operations per measurement", "4000")
    .option("--out <dir>", "output folder (default: <repo>/bench-results)")
    .action(async (options: { operations: string; out?: string }) => {
      const outDir = options.out ?? join(findRepoRoot(), "bench-results");
      mkdirSync(outDir, { recursive: true });
      // A throwaway local Lakebase in its own process, so the benchmark never touches your data.
      const stateDir = mkdtempSync(join(tmpdir(), "appbase-bench-"));
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      try {
        const status = await startLakebaseProcess({ stateDir, port });
        if (status.state !== "running")
          throw new CliError(`The benchmark's Lakebase did not start; see ${status.logFile}.`);
        const env = { APPBASE_STATE_DIR: stateDir };
        const result = await benchPointRead({
          env,
          url: status.url,
          concurrencies: [1, 32],
          operations: Number(options.operations),
        });
        const report = { ...result, node: process.version, at: new Date().toISOString() };
        const file = join(outDir, "point-read.json");
        writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
        console.log(JSON.stringify(report, null, 2));
        console.error(`Wrote ${file}`);
      } finally {
        await stopLakebaseProcess({ stateDir });
        rmSync(stateDir, { recursive: true, force: true });
      }
    });
}

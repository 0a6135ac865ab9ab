import { datasets, getDataset, parseScale, writeDataset } from "@appbase/synthetic-data";
import type { Command } from "commander";
import { createProgress } from "../progress.ts";
import { CliError } from "../repo.ts";

interface SynthOptions {
  seed: string;
  scale: string;
  format: string;
  out?: string;
}

/** `appbase synth <table>`: streams one synthetic table to a file or stdout, with a progress bar. */
export function registerSynthCommand(program: Command): void {
  program
    .command("synth")
    .description("write one synthetic table as CSV or JSONL (same seed, same bytes)")
    .argument("[table]", "domain.table, e.g. customer.customers (omit to list the tables)")
    .option("--seed <n>", "seed", "42")
    .option("--scale <scale>", "tiny, default, large or a number of customers", "default")
    .option("--format <format>", "csv or jsonl", "csv")
    .option("--out <file>", "output file (default: stdout)")
    .action(async (table: string | undefined, options: SynthOptions) => {
      if (!table) {
        for (const d of datasets) console.log(`${`${d.domain}.${d.name}`.padEnd(28)} ${d.description}`);
        return;
      }
      if (options.format !== "csv" && options.format !== "jsonl") {
        throw new CliError(`--format must be csv or jsonl, got "${options.format}".`);
      }
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0)
        throw new CliError(`--seed must be a whole number ≥ 0, got "${options.seed}".`);
      let dataset: ReturnType<typeof getDataset>;
      let scale: ReturnType<typeof parseScale>;
      try {
        dataset = getDataset(table);
        scale = parseScale(options.scale);
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      const progress = createProgress(`Writing ${table}`);
      const result = await writeDataset(dataset, {
        seed,
        scale,
        format: options.format,
        to: options.out ?? process.stdout,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.done(
        `${result.rows.toLocaleString("en-US")} rows, ${result.bytes.toLocaleString("en-US")} bytes`,
      );
    });
}

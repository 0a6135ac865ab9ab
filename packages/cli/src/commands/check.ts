import { checkKit, formatViolation, type Violation } from "@appbase/bundle/gate";
import type { Command } from "commander";
import { discoverKits, selectKits } from "../kits.ts";
import { CliError, findRepoRoot } from "../repo.ts";

/** `appbase check`: the portability gate over every kit (or `--kits a,b`). */
export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description(
      "portability gate: no workspace host/id, token, password or connection string in app.yaml, databricks.yml or app code; " +
        "every variable the code reads is bound in app.yaml or injected; every valueFrom names a declared resource",
    )
    .option("--kits <ids>", "comma-separated kit ids (default: all)")
    .option("--json", "print the violations as JSON")
    .action(async (options: { kits?: string; json?: boolean }) => {
      const repoRoot = findRepoRoot();
      const kits = selectKits(await discoverKits(repoRoot), options.kits);
      const results: { kit: string; violations: Violation[] }[] = kits.map((kit) => ({
        kit: kit.id,
        violations: checkKit(repoRoot, { kit: kit.id, dir: kit.dir }),
      }));
      if (options.json) console.log(JSON.stringify(results, null, 2));
      else {
        if (kits.length === 0) console.log("No kits under apps/.");
        for (const result of results) {
          console.log(`${result.violations.length === 0 ? "ok  " : "FAIL"} ${result.kit}`);
          for (const violation of result.violations) console.log(`  ${formatViolation(violation, repoRoot)}`);
        }
      }
      const total = results.reduce((sum, result) => sum + result.violations.length, 0);
      if (total > 0) throw new CliError(`Portability gate failed: ${total} violation(s).`);
    });
}

import type { Command } from "commander";
import { discoverKits } from "../kits.ts";
import { findRepoRoot } from "../repo.ts";

/** `appbase kits`: lists the kits found under apps/. */
export function registerKitsCommand(program: Command): void {
  program
    .command("kits")
    .description("list the kits in this repository with their ports and schemas")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      const kits = discoverKits(findRepoRoot());
      if (options.json) {
        console.log(JSON.stringify(kits, null, 2));
        return;
      }
      if (kits.length === 0) console.log("No kits under apps/.");
      for (const kit of kits)
        console.log(`${kit.kit.padEnd(20)} :${kit.port}  schema ${kit.schema.padEnd(18)} ${kit.title}`);
    });
}

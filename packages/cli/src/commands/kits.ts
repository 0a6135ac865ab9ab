import type { Command } from "commander";
import { discoverKits } from "../kits.ts";
import { findRepoRoot } from "../repo.ts";

/** `appbase kits`: lists the kits found under apps/ (each a kit.ts). `--json` is how scripts and e2e discover them. */
export function registerKitsCommand(program: Command): void {
  program
    .command("kits")
    .description("list the kits in this repository with their ports and schemas")
    .option("--json", "print JSON: id, title, port, schema, dir, url and health of each kit")
    .action(async (options: { json?: boolean }) => {
      const kits = await discoverKits(findRepoRoot());
      if (options.json) {
        const summary = kits.map((k) => ({
          id: k.id,
          title: k.title,
          port: k.port,
          schema: k.schemaName,
          dir: k.dir,
          url: `http://127.0.0.1:${k.port}`,
          health: k.health,
        }));
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      if (kits.length === 0) console.log("No kits under apps/.");
      for (const kit of kits)
        console.log(`${kit.id.padEnd(20)} :${kit.port}  schema ${kit.schemaName.padEnd(18)} ${kit.title}`);
    });
}

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { scaffoldKit } from "@appbase/bundle/scaffold";
import type { Command } from "commander";
import { discoverKits } from "../kits.ts";
import { CliError, findRepoRoot } from "../repo.ts";

/** `appbase new kit <name>`: a fifth (sixth…) kit from the Starter, ready for check, validate and rehearse. */
export function registerNewKitCommand(program: Command): void {
  const create =
    program.commands.find((command) => command.name() === "new") ??
    program.command("new").description("create things from templates");
  create
    .command("kit <name>")
    .description(
      "scaffold a kit on the recipe: kit.ts, skeleton, matrix, drizzle table and migration, one action, bundle, e2e smoke spec",
    )
    .option("--title <title>", "display title (default: from the id, e.g. field-service → Field Service)")
    .option("--port <port>", "local port (default: the next one after the existing kits)")
    .action(async (name: string, options: { title?: string; port?: string }) => {
      const repoRoot = findRepoRoot();
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 1024 && port <= 65_535)) {
        throw new CliError(`--port ${options.port}: give a port between 1024 and 65535.`);
      }
      const usedPorts = (await discoverKits(repoRoot)).map((kit) => kit.port);
      let result: Awaited<ReturnType<typeof scaffoldKit>>;
      try {
        result = await scaffoldKit({
          repoRoot,
          kit: name,
          usedPorts,
          ...(options.title ? { title: options.title } : {}),
          ...(port ? { port } : {}),
        });
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      // The templates are written plainly; the repository's formatter gives them the house layout.
      const biome = join(repoRoot, "node_modules", ".bin", "biome");
      const folders = ["apps", "bundles", "e2e"].map((root) => `${root}/${result.names.kit}`);
      if (existsSync(biome))
        spawnSync(biome, ["check", "--write", ...folders], { cwd: repoRoot, stdio: "ignore" });
      console.log(
        `Created ${result.names.title} (${result.names.kit}, port ${result.names.port}, schema ${result.names.schema}):`,
      );
      for (const file of result.files) console.log(`  ${file}`);
      console.log("\nNext:");
      console.log("  pnpm install");
      console.log(`  pnpm appbase check --kits ${result.names.kit}`);
      console.log(`  pnpm appbase bundle validate ${result.names.kit}`);
      console.log(`  pnpm appbase rehearse ${result.names.kit}`);
    });
}

import { join, relative } from "node:path";
import { STAGED_APP_DIR } from "@appbase/bundle/generate";
import { rehearseKit } from "@appbase/bundle/rehearse";
import { stageKit } from "@appbase/bundle/stage";
import {
  freePort,
  lakebaseStatus,
  lakebaseUrl,
  startLakebaseProcess,
  stopLakebaseProcess,
} from "@appbase/db/local";
import type { Command } from "commander";
import { discoverKits, type Kit, selectKits } from "../kits.ts";
import { resetToPlatformState } from "../orchestrator/platform-state.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { CliError, findRepoRoot } from "../repo.ts";

/** The rehearsal user's groups: as given, else every group of the kit's matrix (so every page is reachable). */
function rehearsalGroups(kit: Kit, given: string | undefined): string[] {
  if (given !== undefined)
    return given
      .split(",")
      .map((g) => g.trim())
      .filter(Boolean);
  return kit.matrix.groups.map((g) => g.name);
}

interface RehearseOptions {
  skipStage?: boolean;
  skipBuild?: boolean;
  stateDir?: string;
  smoke: "auto" | "builtin" | "playwright";
  userEmail: string;
  userGroups?: string;
  quiet?: boolean;
}

/** `appbase rehearse <kit>`: runs the staged bundle folder as Databricks Apps would, smoke-tests it, stops it. */
export function registerRehearseCommand(program: Command): void {
  program
    .command("rehearse <kit>")
    .description(
      "stage the kit, run it as Databricks Apps does (app.yaml command, valueFrom, injected env, Lakebase OAuth) and smoke-test it",
    )
    .option("--skip-stage", "rehearse the folder already staged in bundles/<kit>/app")
    .option("--skip-build", "stage the existing build output without running next build")
    .option(
      "--state-dir <dir>",
      "state folder of the rehearsal's local Lakebase (default <repo>/.appbase/rehearsal)",
    )
    .option(
      "--smoke <kind>",
      "auto (Playwright spec when e2e/<kit>/smoke.spec.ts exists), builtin or playwright",
      "auto",
    )
    .option(
      "--user-email <email>",
      "the signed-in user the Apps proxy stand-in forwards",
      "rehearsal.user@example.com",
    )
    .option(
      "--user-groups <groups>",
      "comma-separated workspace groups of that user, read by the kit through SCIM Me (default: every group of the kit's grant matrix)",
    )
    .option("--quiet", "do not print the app's output")
    .action(async (kitId: string, options: RehearseOptions) => {
      const repoRoot = findRepoRoot();
      const [kit] = selectKits(await discoverKits(repoRoot), kitId);
      if (!kit) throw new CliError(`No kit ${kitId} under apps/.`);
      const stagedDir = join(repoRoot, "bundles", kit.id, STAGED_APP_DIR);
      if (!options.skipStage) {
        await stageKit({
          repoRoot,
          kit: { kit: kit.id, dir: kit.dir },
          build: !options.skipBuild,
          onProgress: (step, done, total) => {
            if (step !== "copying") console.log(`stage: ${step}…`);
            else if (done === total) console.log(`stage: copied ${total} files`);
          },
        });
      }
      // The rehearsal keeps its own local Lakebase state, so it never touches development data.
      const stateDir = options.stateDir ?? join(repoRoot, ".appbase", "rehearsal");
      const env: NodeJS.ProcessEnv = { ...process.env, APPBASE_STATE_DIR: stateDir };
      for (const name of ["DATABASE_URL", "PGHOST", "LAKEBASE_ENDPOINT"]) delete env[name];
      // Its own port too, so it runs next to `appbase up` (which holds the default one).
      const running = (await lakebaseStatus({ stateDir })).state === "running";
      if (!running) await startLakebaseProcess({ stateDir, port: await freePort() });
      // The Lakebase holds only what the bundle creates (the synced tables): the kit provisions its own
      // schema on start, as it must on Databricks, so nothing of a previous rehearsal's kit state stays.
      const prepared = await prepareDatabase({
        stateDir,
        env,
        kits: [kit],
        seed: 42,
        scale: "tiny",
        scope: "platform",
      });
      const dropped = await resetToPlatformState(prepared.db.pool);
      await prepared.db.close();
      console.log(
        `rehearse: Lakebase holds the synced tables only${dropped.length ? ` (dropped ${dropped.join(", ")})` : ""}`,
      );
      // Ctrl-C stops the app and the stand-ins, then the Lakebase (below), instead of leaving them running.
      const interrupted = new AbortController();
      const interrupt = () => interrupted.abort();
      process.once("SIGINT", interrupt);
      process.once("SIGTERM", interrupt);
      try {
        const url = await lakebaseUrl({ stateDir });
        const report = await rehearseKit({
          repoRoot,
          kit: { kit: kit.id, health: kit.health },
          stagedDir,
          lakebaseUrl: url,
          smoke: options.smoke,
          user: { email: options.userEmail, groups: rehearsalGroups(kit, options.userGroups) },
          signal: interrupted.signal,
          onStep: (message) => console.log(`rehearse: ${message}`),
          ...(options.quiet ? {} : { onAppLine: (line: string) => console.log(`[${kit.id}] ${line}`) }),
        });
        console.log(`\nRehearsal of ${kit.id} (${relative(repoRoot, stagedDir)}):`);
        for (const resource of report.resources)
          console.log(`  resource ${resource.key} (${resource.type}) → ${resource.value}`);
        console.log(`  env: ${report.env.join(", ")}`);
        console.log(
          `  signed-in user: ${report.user.email} (groups: ${report.user.groups.join(", ") || "none"})`,
        );
        const api = report.workspaceApi;
        console.log(
          `  workspace API: ${api.tokens} OAuth token(s), ${api.credentials} Lakebase credential(s), ${api.me} SCIM Me lookup(s), ${api.rejected} rejected`,
        );
        console.log(
          `  Lakebase mode: ${report.lakebaseMode ? "yes" : "NO"} (${report.logins.accepted} login(s) with a minted OAuth token, ${report.logins.rejected} refused)`,
        );
        console.log(`  smoke (${report.smoke.kind}): ${report.smoke.passed ? "passed" : "FAILED"}`);
        for (const line of report.smoke.details) console.log(`    ${line}`);
        if (!report.passed) throw new CliError(`Rehearsal of ${kit.id} failed.`);
        console.log(`Rehearsal of ${kit.id} passed.`);
      } finally {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        if (!running) await stopLakebaseProcess({ stateDir });
      }
    });
}

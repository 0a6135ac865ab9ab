import { rmSync } from "node:fs";
import { resolveStateDir, stopLakebaseProcess } from "@appbase/db/local";
import { formatRunningKits } from "@appbase/next-kit/kit-switcher";
import type { Command } from "commander";
import { discoverKits, selectKits } from "../kits.ts";
import { type KitServerMode, type RunningKit, startKit } from "../orchestrator/kit-process.ts";
import { applyKitLogins } from "../orchestrator/kit-roles.ts";
import { lakehouseDirOf } from "../orchestrator/land-gold.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { type LocalPlatform, startLocalPlatform } from "../platform/local-platform.ts";
import { findRepoRoot } from "../repo.ts";

interface UpOptions {
  kits?: string;
  prod?: boolean;
  seed: string;
  scale: string;
  stateDir?: string;
  fresh?: boolean;
  platformPort: string;
}

/** `appbase up`: README command 1. Local Lakebase, migrations, data on first run, every kit on its port. */
export function registerUpCommand(program: Command): void {
  program
    .command("up")
    .description(
      "start the local Lakebase, apply migrations, load synthetic data on first run and serve every kit",
    )
    .option("--kits <ids>", "comma-separated kit ids to start (default: all)")
    .option(
      "--prod",
      "serve production builds (`next start`; run `pnpm turbo run build` first) instead of `next dev`",
    )
    .option("--seed <n>", "seed of the synthetic data", "42")
    .option("--scale <scale>", "size of the synthetic data: tiny, default, large or a row count", "default")
    .option("--state-dir <dir>", "state folder (default: APPBASE_STATE_DIR or <repo>/.appbase)")
    .option("--fresh", "delete the state folder first (end-to-end runs start from nothing)")
    .option(
      "--platform-port <n>",
      "port of the home page, trace view and OTLP receiver (0: any free port)",
      "3100",
    )
    .action(async (options: UpOptions) => {
      await up(options);
    });
}

async function up(options: UpOptions): Promise<void> {
  const repoRoot = findRepoRoot();
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.stateDir) env.APPBASE_STATE_DIR = options.stateDir;
  const stateDir = resolveStateDir(env);
  env.APPBASE_STATE_DIR = stateDir;
  if (options.fresh) {
    await stopLakebaseProcess({ stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  }
  const kits = selectKits(await discoverKits(repoRoot), options.kits);
  const mode: KitServerMode = options.prod ? "prod" : "dev";

  const prepared = await prepareDatabase({
    stateDir,
    env,
    kits,
    seed: Number(options.seed),
    scale: options.scale,
  });
  // On a real PostgreSQL each kit gets its matrix's grants and connects as its own role (the embedded
  // Lakebase has one shared session and no roles to enforce; see ARCHITECTURE.md "Access").
  const logins = env.DATABASE_URL
    ? await applyKitLogins(prepared.db.pool, kits, env.DATABASE_URL, (line) => console.log(line))
    : [];
  await prepared.db.close();

  // Kit processes open the same local lakehouse (e.g. a Governance Writer through openLakehouseFromEnv).
  env.APPBASE_LAKEHOUSE_DIR = lakehouseDirOf(stateDir);
  // The kit switcher of every kit links to the others.
  const urls = kits.map((kit) => ({ kit, url: `http://127.0.0.1:${kit.port}` }));
  env.APPBASE_KITS = formatRunningKits(urls.map(({ kit, url }) => ({ ...kit, url })));
  // The local platform: home page, trace view, and the OTLP receiver the kits export to.
  const platform: LocalPlatform = await startLocalPlatform({
    env,
    stateDir,
    lakehouseDir: env.APPBASE_LAKEHOUSE_DIR,
    port: Number(options.platformPort),
    kits: urls,
  });
  Object.assign(env, platform.telemetryEnv);
  const running: RunningKit[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping kits…");
    await Promise.all(running.map((r) => r.stop()));
    await platform.close();
    if (prepared.startedLakebase) {
      console.log("Stopping the local Lakebase…");
      await stopLakebaseProcess({ stateDir });
    }
    console.log("Stopped cleanly.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    // Kits start one after another: on two cores, parallel `next dev` compiles only slow each other down.
    for (const kit of kits) {
      console.log(`Starting ${kit.title} (${mode})…`);
      const login = logins.find((l) => l.kit === kit.id);
      const kitEnv = login ? { ...env, DATABASE_URL: login.databaseUrl } : env;
      running.push(await startKit(kit, { mode, env: kitEnv }));
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await shutdown(1);
    return;
  }

  console.log(`\nAppBase is running. Home page (kits, health, freshness, traces): ${platform.url}`);
  if (kits.length === 0) console.log("  (no kits found under apps/)");
  for (const r of running) console.log(`  ${r.kit.title.padEnd(34)} ${r.url}`);
  console.log(`  State folder: ${stateDir}`);
  console.log("Press Ctrl-C to stop everything.");
  for (const r of running) {
    r.child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`${r.kit.title} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
      void shutdown(1);
    });
  }
}

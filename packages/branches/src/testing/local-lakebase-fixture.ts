// Test scaffolding: a local Lakebase with its branch host and control API in this process.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BranchHost, type LocalLakebase, serveBranchControl, serveLocalLakebase } from "@appbase/db/local";
import { type TemplateSpec, templateDataDir } from "@appbase/db/testing";
import pg from "pg";
import { LocalBranches } from "../local/local-branches.ts";

export interface LocalLakebaseFixture {
  main: LocalLakebase;
  host: BranchHost;
  branches: LocalBranches;
  /** Runs SQL on a URL with a short-lived client. */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
    url: string,
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Starts a local Lakebase on a temp folder (from `template`'s migrated data when given), runs
 * `setupSql` on main, and serves its branches.
 */
export async function startLocalLakebaseFixture(
  setupSql: string,
  template?: TemplateSpec,
): Promise<LocalLakebaseFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), "appbase-branches-"));
  // From the cached empty template: a fresh initdb costs seconds, loading a tarball a fraction.
  const main = await serveLocalLakebase({
    dataDir: path.join(dir, "data"),
    port: 0,
    loadDataDir: await templateDataDir(template),
  });
  const sql = async <T extends pg.QueryResultRow>(url: string, text: string, params?: unknown[]) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  await sql(main.url, setupSql);
  const host = await BranchHost.open({ main, dir: path.join(dir, "branches") });
  const control = await serveBranchControl(host);
  return {
    main,
    host,
    branches: new LocalBranches(control.url),
    sql,
    close: async () => {
      await control.stop();
      await host.close();
      await main.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

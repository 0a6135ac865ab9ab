import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { type Page, test } from "@playwright/test";
import pg from "pg";
import { e2eStateDir, repoRoot } from "./kits.ts";

/**
 * The database the running kits use: E2E_DATABASE_URL or DATABASE_URL when set (a kit run by hand
 * against a Postgres), else the local Lakebase of APPBASE_STATE_DIR or the end-to-end state folder,
 * asked from the CLI once per run: the answer goes into E2E_DATABASE_URL, which Playwright's workers
 * inherit from the runner that loaded the specs.
 */
export function kitDatabaseUrl(): string {
  const explicit = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (explicit) return explicit;
  process.env.E2E_DATABASE_URL = execFileSync(
    process.execPath,
    [join(repoRoot, "packages/cli/bin/appbase.mjs"), "lakebase", "url"],
    {
      env: { ...process.env, APPBASE_STATE_DIR: process.env.APPBASE_STATE_DIR ?? e2eStateDir },
      encoding: "utf8",
    },
  ).trim();
  return process.env.E2E_DATABASE_URL;
}

/** A small pool for `kit`'s specs to arrange and check data around the UI; refuses anything but a local server. */
export function kitDatabase(kit: string): pg.Pool {
  const url = kitDatabaseUrl();
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host)) {
    throw new Error(`The ${kit} e2e specs write test data; refusing the non-local database at ${host}.`);
  }
  return new pg.Pool({ connectionString: url, max: 2 });
}

/** Signs the page in as one of the kit's local people (the identity switcher's cookie, as its form sets it). */
export async function actAs(page: Page, userId: string, baseURL: string): Promise<void> {
  await page.context().addCookies([{ name: "appbase_local_user", value: userId, url: baseURL }]);
}

/**
 * `actAs` on the running test's kit (its project's baseURL); a page already open is reloaded, so it
 * shows the new identity as it would after the switcher's form. Specs about something else sign in
 * this way; one journey per kit drives the switcher itself.
 */
export async function signInAs(page: Page, userId: string): Promise<void> {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("signInAs needs the project's baseURL (the kit under test).");
  await actAs(page, userId, baseURL);
  if (page.url() !== "about:blank") await page.reload();
}

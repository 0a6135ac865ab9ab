import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { localLakebaseUrl } from "../local/serve.ts";
import { migrateAndSeed, type TemplateSpec, templateFingerprint } from "./migration-set.ts";

/** Templates built in this process, by fingerprint. */
const templates = new Map<string, Promise<Blob>>();
// Bump when the template layout changes, so old cached files are not reused.
const CACHE_VERSION = "pglite-0.5.14-v1";
// Each template is ~40 MB; keep the most recently used few.
const CACHE_KEEP = 12;

export interface EmbeddedDatabase {
  pglite: PGlite;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** Serves a PGlite instance on a free local port, as the local Lakebase does, with a pg pool. */
async function serve(pglite: PGlite): Promise<EmbeddedDatabase> {
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 100 });
  await server.start();
  const url = localLakebaseUrl(Number(server.getServerConn().split(":").at(-1)));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await pool.end();
      await server.stop();
      await pglite.close();
    })();
    return closing;
  };
  return { pglite, pool, url, close };
}

/**
 * The migrated and seeded data folder as a tarball. Built once per process and also kept in the
 * OS temp folder by content hash, because each vitest file runs in its own process and a fresh
 * PGlite initdb costs seconds, while loading a tarball costs a fraction of one.
 */
function template(spec: TemplateSpec): Promise<Blob> {
  const fingerprint = templateFingerprint(spec);
  let built = templates.get(fingerprint);
  if (!built) {
    built = loadOrBuild(spec, fingerprint);
    templates.set(fingerprint, built);
    built.catch(() => templates.delete(fingerprint));
  }
  return built;
}

async function loadOrBuild(spec: TemplateSpec, fingerprint: string): Promise<Blob> {
  const cacheDir = path.join(tmpdir(), "appbase-db-templates");
  const file = path.join(cacheDir, `${CACHE_VERSION}-${fingerprint}.tar`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) {
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    return new Blob([cached]);
  }
  const db = await serve(await PGlite.create({ extensions: { vector } }));
  let blob: Blob;
  try {
    await migrateAndSeed(db.pool, spec);
    blob = await db.pglite.dumpDataDir("none");
  } finally {
    await db.close();
  }
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so a process reading concurrently never sees a partial tarball.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, Buffer.from(await blob.arrayBuffer()));
  await rename(temp, file);
  await pruneCache(cacheDir);
  return blob;
}

/** Deletes all but the most recently used templates (any process may be adding its own). */
async function pruneCache(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".tar"));
  const files = await Promise.all(
    names.map(async (name) => {
      const full = path.join(cacheDir, name);
      return { full, used: (await stat(full).catch(() => undefined))?.mtimeMs ?? 0 };
    }),
  );
  const stale = files.sort((a, b) => b.used - a.used).slice(CACHE_KEEP);
  await Promise.all(stale.map(({ full }) => rm(full, { force: true })));
}

/** A fresh in-memory PGlite restored from the template of `spec`, served over the wire protocol. */
export async function createEmbeddedDatabase(spec: TemplateSpec): Promise<EmbeddedDatabase> {
  const blob = await template(spec);
  return serve(await PGlite.create({ loadDataDir: blob, extensions: { vector } }));
}

/**
 * The data folder tarball of `spec`'s template (cached like every template), for tests that serve
 * PGlite from a data folder of their own, e.g. a local Lakebase with branches.
 */
export function templateDataDir(spec: TemplateSpec = { migrations: [] }): Promise<Blob> {
  return template(spec);
}

import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Finds the PostgreSQL server binaries (initdb, pg_ctl): Debian's layout first, then pg_config. */
function findBinDir() {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return { binDir: join(debian, versions[0], "bin"), version: versions[0] };
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const binDir = pgConfig.status === 0 ? pgConfig.stdout.trim() : "";
  if (binDir && existsSync(join(binDir, "initdb"))) return { binDir, version: "server" };
  return undefined;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on a free port (trust auth, loopback only, fsync off) and
 * returns its URL and a stop function. As root it runs the server as the `postgres` user.
 * Returns undefined when no server binaries exist, unless `required` (CI), where that is an error.
 */
export async function startThrowawayPostgres({ required }) {
  const found = findBinDir();
  if (!found) {
    const message =
      "No PostgreSQL server binaries found (initdb): the database tests run on the embedded Postgres only.";
    if (required) {
      console.error(`${message}\nCI requires them: apt-get install -y postgresql-15`);
      process.exit(1);
    }
    console.warn(
      `${message}\nInstall PostgreSQL 15 (Debian: apt-get install -y postgresql-15) to run them on a real server too.`,
    );
    return undefined;
  }
  const { binDir, version } = found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), "appbase-pg-"));
  const asUser = (cmd, args) =>
    isRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" })
      : spawnSync(cmd, args, { encoding: "utf8" });
  if (isRoot) {
    const pgUser = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    if (pgUser.status !== 0) spawnSync("useradd", ["--system", "--no-create-home", "postgres"]);
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const init = asUser(join(binDir, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr}`);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  const start = asUser(join(binDir, "pg_ctl"), [
    "-D",
    data,
    "-o",
    options,
    "-l",
    join(dir, "server.log"),
    "-w",
    "start",
  ]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed:\n${start.stderr}${start.stdout}`);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`Throwaway PostgreSQL ${version} for the database tests: ${url}`);
  let stopped = false;
  return {
    url,
    version,
    stop() {
      if (stopped) return;
      stopped = true;
      asUser(join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

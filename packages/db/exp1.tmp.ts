import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

const t0 = Date.now();
const db = await PGlite.create({ dataDir: "/tmp/dbexp/data1", extensions: { vector } });
console.log("create", Date.now() - t0);
const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 50 });
await server.start();
const conn = server.getServerConn();
console.log(conn);
const port = Number(conn.split(":")[1]);
const pool = new pg.Pool({
  host: "127.0.0.1",
  port,
  user: "whoever",
  password: "wrong",
  database: "postgres",
  max: 10,
});
const r = await pool.query("select current_user, pg_backend_pid(), version()");
console.log(r.rows);
await pool.query("create extension if not exists vector");
await pool.query("create table if not exists t (id serial primary key, v int)");
const t1 = Date.now();
await Promise.all(
  Array.from({ length: 100 }, async (_, i) => {
    const c = await pool.connect();
    try {
      await c.query("begin");
      await c.query("insert into t(v) values ($1)", [i]);
      await c.query("commit");
    } finally {
      c.release();
    }
  }),
);
console.log("100 tx", Date.now() - t1, (await pool.query("select count(*) from t")).rows);
const t2 = Date.now();
const dump = await db.dumpDataDir("none");
console.log("dump", Date.now() - t2, dump.size);
const t3 = Date.now();
const db2 = await PGlite.create({ loadDataDir: dump, extensions: { vector } });
console.log("load", Date.now() - t3, (await db2.query("select count(*) from t")).rows);
const t4 = Date.now();
const db3 = await db.clone();
console.log("clone", Date.now() - t4, (await db3.query("select count(*) from t")).rows);
await pool.end();
await server.stop();
await db.close();
await db2.close();

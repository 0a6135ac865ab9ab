// A tiny app for rehearsal tests: reports what the runtime gave it and calls Lakebase credentials
// through @databricks/lakebase exactly as a kit in Lakebase mode does.
import { createServer } from "node:http";
import { createLakebasePool, generateDatabaseCredential, getWorkspaceClient } from "@databricks/lakebase";

const port = Number(process.argv[process.argv.indexOf("--port") + 1]);
const server = createServer(async (request, response) => {
  const reply = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (request.url === "/health") return reply(200, { ok: true });
  if (request.url === "/whoami") return reply(200, { email: request.headers["x-forwarded-email"] ?? null });
  if (request.url === "/env")
    return reply(200, { env: process.env, argv: process.argv.slice(2), cwd: process.cwd() });
  if (request.url === "/lakebase") {
    try {
      const credential = await generateDatabaseCredential(getWorkspaceClient({}), {
        endpoint: process.env.LAKEBASE_ENDPOINT,
      });
      return reply(200, { ok: true, expire_time: credential.expire_time });
    } catch (error) {
      return reply(500, { ok: false, error: String(error) });
    }
  }
  if (request.url === "/db") {
    // The path a kit takes in Lakebase mode: a pg pool whose password is a freshly minted OAuth token.
    const pool = createLakebasePool({ max: 1 });
    try {
      const { rows } = await pool.query("select 42 as answer");
      return reply(200, { ok: true, answer: rows[0].answer });
    } catch (error) {
      return reply(500, { ok: false, error: String(error) });
    } finally {
      await pool.end();
    }
  }
  reply(404, {});
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));

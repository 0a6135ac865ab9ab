import { connect, createServer, type Socket } from "node:net";

const SSL_REQUEST = 80877103;
const PROTOCOL_3 = 196608;

export interface GateLogin {
  user: string;
  password: string;
  accepted: boolean;
}

export interface PasswordGate {
  port: number;
  logins: GateLogin[];
  close(): Promise<void>;
}

/** Postgres ErrorResponse with SQLSTATE 28P01, as a server sends for a wrong password. */
function authFailure(user: string): Buffer {
  const fields = ["SFATAL", "VFATAL", "C28P01", `Mpassword authentication failed for user "${user}"`]
    .map((field) => `${field}\0`)
    .join("");
  const payload = Buffer.from(`${fields}\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}

function startupParams(message: Buffer): Map<string, string> {
  const parts = message.subarray(8).toString("utf8").split("\0");
  const params = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) params.set(parts[i]!, parts[i + 1]!);
  return params;
}

/**
 * A front door like Lakebase's proxy: asks each client for a cleartext password, lets `check`
 * decide, and only then forwards the connection (startup message included) to the real server.
 * `appbase rehearse` puts it in front of the local Lakebase so a staged app must log in with a
 * minted OAuth token, as on Databricks.
 */
export async function startPasswordGate(options: {
  upstream: { host: string; port: number };
  check: (user: string, password: string) => boolean;
}): Promise<PasswordGate> {
  const logins: GateLogin[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    let buffer = Buffer.alloc(0);
    let startup: Buffer | undefined;
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length >= 8 && buffer.readInt32BE(0) === 8 && buffer.readInt32BE(4) === SSL_REQUEST) {
        client.write("N");
        buffer = buffer.subarray(8);
      }
      if (!startup) {
        if (buffer.length < 8 || buffer.length < buffer.readInt32BE(0)) return;
        startup = buffer.subarray(0, buffer.readInt32BE(0));
        buffer = buffer.subarray(startup.length);
        if (startup.readInt32BE(4) !== PROTOCOL_3) return client.destroy();
        const ask = Buffer.alloc(9);
        ask.write("R", 0);
        ask.writeInt32BE(8, 1);
        ask.writeInt32BE(3, 5); // AuthenticationCleartextPassword
        client.write(ask);
      }
      if (buffer.length < 5 || buffer.length < 1 + buffer.readInt32BE(1)) return;
      const length = 1 + buffer.readInt32BE(1);
      const password = buffer.subarray(5, length - 1).toString("utf8");
      const rest = buffer.subarray(length);
      const user = startupParams(startup).get("user") ?? "";
      const accepted = buffer[0] === "p".charCodeAt(0) && options.check(user, password);
      logins.push({ user, password, accepted });
      client.off("data", onData);
      if (!accepted) {
        client.end(authFailure(user));
        return;
      }
      const upstream = connect(options.upstream.port, options.upstream.host, () => {
        upstream.write(startup!);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
    };
    client.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    logins,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

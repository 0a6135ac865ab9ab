import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A local fake of the Genie Conversation API (databricks-api-shapes §2) for tests. */
export interface FakeGenie {
  url: string;
  spaceId: string;
  /** Authorization headers received, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

const hex = () => randomBytes(16).toString("hex");
const json = (body: unknown) => JSON.stringify(body);

/** Starts the fake; a message needs `pollsBeforeDone` GETs before it is COMPLETED; "fail" in a question makes it FAILED. */
export async function startFakeGenie(options: { pollsBeforeDone?: number } = {}): Promise<FakeGenie> {
  const spaceId = hex();
  const authorizations: string[] = [];
  const messages = new Map<string, { content: string; polls: number; conversationId: string }>();
  const server: Server = createServer(async (req, res) => {
    authorizations.push(req.headers.authorization ?? "");
    const url = new URL(req.url ?? "/", "http://fake");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(json(body));
    };
    // OAuth M2M token endpoint (reference §6), so the app's service-principal path can be exercised too.
    if (req.method === "POST" && url.pathname === "/oidc/v1/token") {
      return send(200, {
        access_token: "app-token",
        token_type: "Bearer",
        expires_in: 3600,
        scope: "all-apis",
      });
    }
    const prefix = `/api/2.0/genie/spaces/${spaceId}`;
    if (!url.pathname.startsWith(prefix)) {
      return send(404, { error_code: "RESOURCE_DOES_NOT_EXIST", message: "Genie space not found." });
    }
    const path = url.pathname.slice(prefix.length);
    if (req.method === "POST" && path === "/start-conversation") {
      const body = JSON.parse(await readBody(req)) as { content?: string };
      if (!body.content)
        return send(400, { error_code: "INVALID_PARAMETER_VALUE", message: "content is required" });
      const conversationId = hex();
      const messageId = hex();
      messages.set(messageId, { content: body.content, polls: 0, conversationId });
      return send(200, { conversation_id: conversationId, message_id: messageId });
    }
    const match = /^\/conversations\/(\w+)\/messages\/(\w+)(\/attachments\/(\w+)\/query-result)?$/.exec(path);
    const message = match ? messages.get(match[2] ?? "") : undefined;
    if (req.method !== "GET" || !match || !message)
      return send(404, { error_code: "NOT_FOUND", message: "No such message." });
    if (match[3]) {
      return send(200, {
        statement_response: {
          statement_id: "01f0-fake",
          status: { state: "SUCCEEDED" },
          manifest: {
            schema: {
              column_count: 2,
              columns: [
                { name: "segment", position: 0 },
                { name: "customers", position: 1 },
              ],
            },
          },
          result: {
            data_array: [
              ["vip", "12"],
              ["premium", "40"],
            ],
          },
        },
      });
    }
    message.polls += 1;
    const base = {
      message_id: match[2],
      id: match[2],
      conversation_id: match[1],
      space_id: spaceId,
      content: message.content,
    };
    if (message.polls <= (options.pollsBeforeDone ?? 1)) return send(200, { ...base, status: "ASKING_AI" });
    if (message.content.includes("fail")) {
      return send(200, {
        ...base,
        status: "FAILED",
        error: { error: "[INSUFFICIENT_PERMISSIONS] no SELECT", type: "SQL_EXECUTION_EXCEPTION" },
      });
    }
    return send(200, {
      ...base,
      status: "COMPLETED",
      attachments: [
        {
          attachment_id: "a1",
          query: {
            title: "Customers by segment",
            query: "SELECT segment, count(*) AS customers FROM customer.customers GROUP BY segment",
            statement_id: "01f0-fake",
          },
        },
        {
          attachment_id: "a2",
          text: { content: "Premium has the most customers of the two segments shown." },
        },
        { attachment_id: "a3", suggested_questions: { questions: ["How many are high risk?"] } },
      ],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spaceId,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

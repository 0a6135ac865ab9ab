import {
  type GenieAnswer,
  GenieError,
  type GenieMessage,
  genieMessageSchema,
  queryResultSchema,
  startConversationSchema,
} from "./genie-types.ts";

export interface GenieClientOptions {
  /** Workspace URL, e.g. https://<workspace-host> (or a local fake). */
  host: string;
  spaceId: string;
  /** The user's forwarded token when present, else the app's service-principal token. */
  token: () => Promise<string>;
  fetch?: typeof fetch;
  /** Delay between polls of the message; Databricks recommends a few seconds. */
  pollIntervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DONE = new Set(["COMPLETED", "FAILED", "CANCELLED", "QUERY_RESULT_EXPIRED"]);

/** Asks Genie one question: start a conversation, poll the message, fetch each query attachment's result. */
export async function askGenie(options: GenieClientOptions, question: string): Promise<GenieAnswer> {
  const base = `${options.host.replace(/\/+$/, "")}/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}`;
  const call = requester(options);
  const started = startConversationSchema.parse(
    await call("POST", `${base}/start-conversation`, { content: question }),
  );
  const messageUrl = `${base}/conversations/${started.conversation_id}/messages/${started.message_id}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let message: GenieMessage = genieMessageSchema.parse(await call("GET", messageUrl));
  for (let attempt = 1; !DONE.has(message.status); attempt++) {
    if (Date.now() > deadline)
      throw new GenieError("Genie did not answer in time; try a simpler question or ask again later.");
    await sleep(Math.min(options.pollIntervalMs ?? 1_000 * attempt, 5_000));
    message = genieMessageSchema.parse(await call("GET", messageUrl));
  }
  if (message.status !== "COMPLETED") {
    const reason = message.error?.error ?? message.status;
    throw new GenieError(
      `Genie could not answer: ${reason}. Rephrase the question, or check the space's data access.`,
    );
  }
  const attachments = message.attachments ?? [];
  const query = attachments.find((a) => a.query?.statement_id && a.attachment_id);
  let columns: string[] = [];
  let rows: (string | null)[][] = [];
  if (query?.attachment_id) {
    const result = queryResultSchema.parse(
      await call("GET", `${messageUrl}/attachments/${query.attachment_id}/query-result`),
    );
    columns = (result.statement_response.manifest?.schema?.columns ?? []).map((c) => c.name);
    rows = result.statement_response.result?.data_array ?? [];
  }
  return {
    conversationId: message.conversation_id,
    messageId: message.message_id,
    text: attachments.find((a) => a.text)?.text?.content ?? null,
    sql: query?.query?.query ?? null,
    queryTitle: query?.query?.title ?? null,
    columns,
    rows,
    suggestedQuestions: attachments.flatMap((a) => a.suggested_questions?.questions ?? []),
  };
}

function requester(options: GenieClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async (method: "GET" | "POST", url: string, body?: unknown): Promise<unknown> => {
    const response = await doFetch(url, {
      method,
      headers: { authorization: `Bearer ${await options.token()}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = (await response.json().catch(() => ({}))) as { error_code?: string; message?: string };
    if (response.ok) return payload;
    if (response.status === 404 || payload.error_code === "RESOURCE_DOES_NOT_EXIST") {
      throw new GenieError(
        "No access to this Genie space: check the genie_space resource and that you can view the space.",
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new GenieError(
        "Genie refused the credentials; sign in again, or give the app's user authorization the dashboards.genie scope.",
      );
    }
    if (response.status === 429)
      throw new GenieError("Genie is rate-limited right now; wait a minute and ask again.");
    throw new GenieError(
      `Genie failed (${response.status} ${payload.error_code ?? ""}): ${payload.message ?? "no detail"}.`,
    );
  };
}

import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import { type FakeWorkspace, mlflowRoutes, startFakeWorkspace } from "../testing/index.ts";
import { mlflow } from "./mlflow.ts";
import { newSpanId } from "./mlflow-spans.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("mlflow", () => {
  it("pages through a filtered search, newest first", async () => {
    const routes = mlflowRoutes();
    fake = await startFakeWorkspace({ routes: routes.routes });
    const ids = ["t1", "t2", "t3"].map((s) =>
      routes.addTrace({ "mlflow.trace.session": s === "t2" ? "other" : "s'1" }),
    );
    const api = mlflow(clientFor(fake).client);
    const filter = "metadata.`mlflow.trace.session` = 's''1'";
    const first = await api.searchTraces({ experimentIds: ["1"], filter, maxResults: 1 });
    expect(first.traces).toHaveLength(1);
    expect(first.nextPageToken).toBeDefined();
    const second = await api.searchTraces({
      experimentIds: ["1"],
      filter,
      maxResults: 1,
      pageToken: first.nextPageToken,
    });
    expect(second.nextPageToken).toBeUndefined();
    expect([first.traces[0]?.trace_id, second.traces[0]?.trace_id].sort()).toEqual([ids[0], ids[2]].sort());
    await expect(
      api.searchTraces({ experimentIds: ["1"], filter: "span.name LIKE 'x'" }),
    ).rejects.toMatchObject({ status: 400, errorCode: "INVALID_PARAMETER_VALUE" });
  });

  it("creates, reads, updates (update_mask string) and deletes an assessment", async () => {
    const routes = mlflowRoutes();
    fake = await startFakeWorkspace({ routes: routes.routes });
    const traceId = routes.addTrace();
    const api = mlflow(clientFor(fake).client);
    const created = await api.createAssessment(traceId, {
      assessment_name: "user_feedback",
      source: { source_type: "HUMAN", source_id: "ana@example.com" },
      feedback: { value: true },
    });
    expect(created.assessment_id).toMatch(/^a-[0-9a-f]{32}$/);
    const updated = await api.updateAssessment(traceId, created.assessment_id, {
      feedback: { value: false },
    });
    expect(updated).toMatchObject({ feedback: { value: false }, assessment_name: "user_feedback" });
    expect(fake.seen.find((s) => s.route === "mlflow.update-assessment")?.body).toMatchObject({
      update_mask: "feedback",
    });
    expect((await api.getTrace(traceId)).assessments).toHaveLength(1);
    await api.deleteAssessment(traceId, created.assessment_id);
    await expect(api.getAssessment(traceId, created.assessment_id)).rejects.toMatchObject({ status: 404 });
    await expect(
      api.createAssessment("tr-missing", {
        assessment_name: "x",
        source: { source_type: "CODE", source_id: "c" },
      }),
    ).rejects.toMatchObject({ status: 404, errorCode: "RESOURCE_DOES_NOT_EXIST" });
  });

  it("uploads a trace's spans to the signed URL, without the workspace token, in MLflow's span format", async () => {
    const routes = mlflowRoutes();
    fake = await startFakeWorkspace({ routes: routes.routes });
    const traceId = routes.addTrace();
    const root = newSpanId();
    const llm = newSpanId();
    const started = new Date("2026-12-06T10:00:00.123Z");
    const usage = { input_tokens: 120, output_tokens: 17, total_tokens: 137 };
    const api = mlflow(clientFor(fake).client);
    await api.uploadTraceData(traceId, [
      {
        spanId: root,
        name: "agent",
        type: "AGENT",
        startedAt: started,
        endedAt: new Date(started.getTime() + 900),
        inputs: { request: "hi" },
      },
      {
        spanId: llm,
        parentSpanId: root,
        name: "chat",
        type: "LLM",
        startedAt: started,
        endedAt: new Date(started.getTime() + 400),
        error: "refused",
        attributes: { "mlflow.chat.tokenUsage": usage },
      },
    ]);
    const spans = routes.traces[0]?.spans ?? [];
    expect(spans.map((s) => Buffer.from(s.span_id, "base64").toString("hex"))).toEqual([root, llm]);
    expect(Buffer.from(spans[1]?.parent_span_id ?? "", "base64").toString("hex")).toBe(root);
    expect(Buffer.from(spans[0]?.trace_id ?? "", "base64").toString("hex")).toBe(traceId.slice(3));
    expect(spans[0]?.start_time_unix_nano).toBe(started.getTime() * 1e6);
    expect(JSON.parse(spans[1]?.attributes["mlflow.chat.tokenUsage"] ?? "null")).toEqual(usage);
    expect(JSON.parse(spans[1]?.attributes["mlflow.traceRequestId"] ?? "null")).toBe(traceId);
    expect(spans[1]?.status).toEqual({ code: "STATUS_CODE_ERROR", message: "refused" });
    expect(spans[1]?.events.map((e) => e.name)).toEqual(["exception"]);
    // The upload is the artifact store's, not a workspace call: no bearer token went with it.
    expect(fake.seen.find((s) => s.route === "mlflow.trace-data-upload")).toBeDefined();
    await expect(api.uploadTraceData("tr-missing", [])).rejects.toMatchObject({
      status: 404,
      errorCode: "RESOURCE_DOES_NOT_EXIST",
    });
  });

  it("says what failed when the artifact store refuses the upload", async () => {
    const routes = mlflowRoutes();
    fake = await startFakeWorkspace({ routes: routes.routes });
    const traceId = routes.addTrace();
    // A client that sends its bearer token to the signed URL is refused, as S3 refuses two auth mechanisms.
    const leaky: typeof fetch = (url, init) =>
      fetch(url, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), authorization: "Bearer x" },
      });
    await expect(
      mlflow(clientFor(fake).client, { fetch: leaky }).uploadTraceData(traceId, []),
    ).rejects.toThrow(/MLflow upload spans of tr-.* failed \(HTTP 400\): the artifact store answered 400/);
    expect(routes.traces[0]?.spans).toBeUndefined();
  });
});

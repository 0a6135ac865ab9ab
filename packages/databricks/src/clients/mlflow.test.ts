import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import { type FakeWorkspace, mlflowRoutes, startFakeWorkspace } from "../testing/index.ts";
import { mlflow } from "./mlflow.ts";

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
});

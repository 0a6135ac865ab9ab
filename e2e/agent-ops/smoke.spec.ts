import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse agent-ops` runs it against the staged bundle (Lakebase mode, user
// signed in through the Apps proxy stand-in) on a Lakebase holding only the synced tables: no seed, so no
// threads, queue items or tool calls yet, and no serving endpoint bound. The e2e suite runs it against
// `appbase up`, whose seed ran the agents. Read-only: what a fresh deployment shows either way; the history
// itself is covered by threads.spec.ts, tools.spec.ts and journey.spec.ts.
test("the operator plane renders from Lakebase: the registry, threads, queue and tools render, and runs would use the scripted model", async ({
  page,
}) => {
  // The registry is governed (lakehouse first): the kit's startup step registers its code-declared agents
  // and tools; that needs the SQL warehouse, which the rehearsal does not bind, so it may be empty here.
  await page.goto("/registry");
  await expect(page.getByRole("heading", { name: "Agent and tool registry", level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Agents" })
      .filter({ hasText: "customer-support" })
      .or(page.getByText("No agents were registered.")),
  ).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Tools" })
      .filter({ hasText: "issue_refund" })
      .or(page.getByText("No tools were registered.")),
  ).toBeVisible();

  await page.goto("/threads");
  await expect(page.getByRole("heading", { name: "Threads", level: 1 })).toBeVisible();
  // The checkpoint schema the kit provisioned on start is found: no warning about it.
  await expect(page.getByText("Checkpoint schema not found")).toHaveCount(0);
  const threads = page.getByRole("table", { name: "Threads" });
  await expect(
    threads
      .locator("tbody tr")
      .filter({ hasText: "customer-support" })
      .first()
      .or(threads.getByText("No threads yet")),
  ).toBeVisible();
  // With no serving endpoint bound, runs are driven by the scripted model, and the form says so.
  const start = page.getByRole("form", { name: "Start a run" });
  await expect(start).toContainText("Model: Scripted demo model");
  // A fresh deployment can start its agents: the startup step registered the code-declared agents, or
  // (no SQL warehouse bound for the governed registry) they run as declared until it can.
  await expect(start).toContainText("Ready to start");
  await expect(start).not.toContainText("Cannot start");

  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole("list", { name: "Review queue" })
      .getByRole("listitem")
      .first()
      .or(page.getByText("Nothing to review. Start a demo run from Threads.")),
  ).toBeVisible();

  await page.goto("/tools?window=all");
  await expect(page.getByRole("heading", { name: "Tool calls", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Tool lookup_order" }).or(page.getByText("No tool calls in all time")),
  ).toBeVisible();
});

import type { Page } from "@playwright/test";

/**
 * An order id no other run used (six digits, so it cannot collide with the seeded demo history's);
 * ending in 7 the demo lookup succeeds, ending in 0 it fails.
 */
export function orderId(kind: "ok" | "failing"): string {
  const base = 100_000 + ((Date.now() + Math.floor(Math.random() * 1000)) % 800_000);
  return `ORD-${String(base).slice(0, -1)}${kind === "ok" ? "7" : "0"}`;
}

/** Sets the threads list's search and filters with its filter form, as a person would, and applies them. */
export async function filterThreads(
  page: Page,
  filters: {
    q?: string;
    status?: string;
    agent?: string;
    errors?: "With tool errors" | "Without tool errors";
  },
): Promise<void> {
  const form = page.getByRole("search");
  await form.getByRole("searchbox").fill(filters.q ?? "");
  await form.getByLabel("Status").selectOption(filters.status ?? "");
  await form.getByLabel("Agent").selectOption(filters.agent ?? "");
  await form.getByLabel("Tool errors").selectOption(filters.errors ? { label: filters.errors } : "");
  await Promise.all([page.waitForURL(/\/threads/), form.getByRole("button", { name: "Apply" }).click()]);
  await page.waitForLoadState("load");
}

/** The rows of the threads table (header row excluded). */
export function threadRows(page: Page) {
  return page.getByRole("table", { name: "Threads" }).locator("tbody tr");
}

/**
 * Starts a support-agent run from the threads page and returns its thread id. Waits for the page's
 * scripts first: a click before hydration submits the form natively (a GET back to /threads).
 */
export async function startSupportRun(page: Page, request: string): Promise<string> {
  await page.goto("/threads");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Request", { exact: true }).fill(request);
  await page.getByRole("button", { name: "Start support agent run" }).click();
  await page.waitForURL(/\/threads\/thread-/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
}

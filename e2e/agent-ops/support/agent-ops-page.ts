import { expect, type Page } from "@playwright/test";
import { signInAs } from "../../shared/kit-database.ts";

const INITIALS = { olga: "OO", rita: "RR", ravi: "RR", adam: "AA" } as const;

/**
 * Switches the local identity with the app shell's switcher, as a person would, and waits until the
 * server agrees. The journey drives it; other specs sign in with the switcher's cookie (`actAs`).
 */
export async function switchIdentity(page: Page, userId: keyof typeof INITIALS): Promise<void> {
  if (page.url() === "about:blank") await page.goto("/queue");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Act as (local identity)").selectOption(userId);
  const switched = page.waitForResponse((r) => r.request().method() === "POST" && r.ok());
  await page.getByRole("button", { name: "Switch" }).click();
  await switched;
  await expect(page.locator(".ab-identity__avatar")).toHaveText(INITIALS[userId]);
  await expect(page.getByLabel("Act as (local identity)")).toHaveValue(userId);
}

/** Signs in as `userId` with the switcher's cookie (what `switchIdentity` sets), reloading an open page. */
export async function actAs(page: Page, userId: keyof typeof INITIALS): Promise<void> {
  await signInAs(page, userId);
}

/** The queue entry of a thread on the review queue page. */
export function queueEntry(page: Page, threadId: string) {
  return page.getByRole("list", { name: "Review queue" }).getByRole("listitem").filter({ hasText: threadId });
}

/**
 * Starts a run of an agent (the support agent unless told) as the current user and returns its thread id
 * (the page is left on the thread).
 */
export async function startRun(
  page: Page,
  request: string,
  agent: { name: string; button: string } = { name: "customer-support", button: "Start support agent run" },
): Promise<string> {
  await page.goto("/threads");
  await page.getByLabel("Agent to run").selectOption(agent.name);
  await page.getByLabel("Request", { exact: true }).fill(request);
  await page.getByRole("button", { name: agent.button }).click();
  await page.waitForURL(/\/threads\/thread-/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
}

import { expect, type Page, type Response } from "@playwright/test";
import { signInAs } from "../../shared/kit-database.ts";

const INITIALS = { tess: "TL", ann: "AM", vic: "VV", priya: "PP" } as const;

/**
 * Switches the local identity with the app shell's switcher, as a person would, and waits until the
 * server agrees. The journey drives it; other specs sign in with the switcher's cookie (`actAs`).
 */
export async function switchIdentity(page: Page, userId: keyof typeof INITIALS): Promise<void> {
  if (page.url() === "about:blank") await page.goto("/customers");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Act as (local identity)").selectOption(userId);
  const switched = page.waitForResponse((r) => r.request().method() === "POST" && r.ok());
  await page.getByRole("button", { name: "Switch" }).click();
  await switched;
  // The avatar is rendered by the server from the cookie, so it changes only once the switch took effect.
  await expect(page.locator(".ab-identity__avatar")).toHaveText(INITIALS[userId]);
  await expect(page.getByLabel("Act as (local identity)")).toHaveValue(userId);
}

/** Signs in as `userId` with the switcher's cookie (what `switchIdentity` sets), reloading an open page. */
export async function actAs(page: Page, userId: keyof typeof INITIALS): Promise<void> {
  await signInAs(page, userId);
}

/** The section of the detail page with this accessible name. */
export function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

/** Every body the browser received from the kit while `visit` ran: HTML, RSC payloads, JSON. */
export async function capture(page: Page, visit: () => Promise<void>): Promise<string> {
  const bodies: Promise<string>[] = [];
  const onResponse = (response: Response) => {
    if (!response.url().startsWith(new URL(page.url() === "about:blank" ? "http://x" : page.url()).origin))
      return;
    bodies.push(response.text().catch(() => ""));
  };
  page.on("response", onResponse);
  await visit();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  return [...(await Promise.all(bodies)), await page.content()].join("\n");
}

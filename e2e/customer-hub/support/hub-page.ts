import { expect, type Page } from "@playwright/test";

/** Switches the local identity with the app shell's switcher, as a person would. */
export async function actAs(page: Page, userId: "tess" | "ann" | "vic" | "priya"): Promise<void> {
  if (page.url() === "about:blank") await page.goto("/customers");
  await page.getByLabel("Act as (local identity)").selectOption(userId);
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByLabel("Act as (local identity)")).toHaveValue(userId);
}

/** The section of the detail page with this accessible name. */
export function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

import { expect, test } from "@playwright/test";
import { e2eKits } from "../shared/kits.ts";

const kits = e2eKits();

test.describe("every kit serves the shared shell", () => {
  for (const kit of kits) {
    test(`${kit.title} is healthy and links to every running kit`, async ({ page, request }) => {
      const health = await request.get(`${kit.url}${kit.health}`);
      expect(health.ok()).toBe(true);
      const body = (await health.json()) as { ok?: boolean; database?: unknown };
      expect(body.ok).toBe(true);

      await page.goto(kit.url);
      await expect(page).toHaveTitle(new RegExp(kit.title));
      for (const other of kits) {
        await expect(
          page.getByRole("navigation", { name: "Kits" }).getByRole("link", { name: other.title }),
        ).toHaveAttribute("href", new RegExp(`${other.port}`));
      }
    });
  }
});

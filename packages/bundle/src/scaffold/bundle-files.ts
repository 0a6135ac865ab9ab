import type { KitNames } from "./kit-names.ts";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function bundleTs(n: KitNames): string {
  return `import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/${n.kit}/kit";

/** The ${n.title} bundle: its Lakebase database and the grants of its matrix, from kit.ts. */
export default kitBundle(kit);
`;
}

/** The files of a new kit's bundle folder and its e2e smoke spec, by path relative to the repository. */
export function bundleFiles(n: KitNames): Record<string, string> {
  return {
    [`bundles/${n.kit}/package.json`]: json({
      name: `@appbase/bundle-${n.kit}`,
      private: true,
      type: "module",
      exports: { "./declaration": "./bundle.ts" },
      scripts: { typecheck: "tsc --noEmit" },
      dependencies: { "@appbase/bundle": "workspace:*", [`@appbase/${n.kit}`]: "workspace:*" },
      devDependencies: {
        "@appbase/tsconfig": "workspace:*",
        "@types/node": "catalog:",
        typescript: "catalog:",
      },
    }),
    [`bundles/${n.kit}/tsconfig.json`]: json({ extends: "@appbase/tsconfig/base.json", include: ["*.ts"] }),
    [`bundles/${n.kit}/bundle.ts`]: bundleTs(n),
    [`bundles/${n.kit}/smoke.json`]: json({
      checks: [
        { path: "/api/health", contains: '"reachable":true' },
        { path: "/", contains: n.title },
      ],
    }),
    [`e2e/${n.kit}/smoke.spec.ts`]: `import { expect, test } from "@playwright/test";

test("${n.title} serves its home page from Lakebase", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: ${JSON.stringify(n.title)} })).toBeVisible();
  await expect(page.getByText(/\\d+ items/)).toBeVisible();
});
`,
  };
}

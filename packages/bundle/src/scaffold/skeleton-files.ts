// The kit skeleton: the few short files every kit owns, all of them wiring to @appbase/next-kit.
// `appbase new kit` writes exactly these; skeleton-files.test.ts compares them with a real kit's,
// so the scaffold and the kits cannot drift.
import type { KitNames } from "./kit-names.ts";

const SERVER_KIT = `import "server-only";
import { createKitServer } from "@appbase/next-kit/server";
import kit from "../../kit.ts";
import pkg from "../../package.json" with { type: "json" };

/** The kit's server: every action, route, page and the health route are built from it. */
export const server = createKitServer(kit, { version: pkg.version });
export const {
  defineAction,
  defineRoute,
  currentIdentity,
  identityOrReason,
  can,
  pageViewer,
  db,
  serverEnv,
} = server;
`;

const SERVER_KIT_TEST = `import { describeKitWiring } from "@appbase/next-kit/testing";
import { vi } from "vitest";
import kit from "../../kit.ts";

// next/cache works only inside a Next request; importing the action modules must not need it.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

describeKitWiring(kit, new URL("..", import.meta.url));
`;

const IDENTITY_ACTION = `"use server";

import { server } from "../server/kit.ts";

/** The local identity switcher's form action; refused and logged in Databricks Apps mode. */
export const switchIdentityAction = server.switchLocalIdentityForm;
`;

const ERROR_BOUNDARY = `"use client";

export { default } from "@appbase/next-kit/error";
`;

const LOADING_BOUNDARY = `export { default } from "@appbase/next-kit/loading";
`;

const PROXY = `// Runs before every request that carries a body: malformed or oversized server-action posts get a 4xx
// here, before Next decodes them. Page loads and static files skip it (the matcher is KIT_PROXY_MATCHER
// of @appbase/next-kit/proxy; Next reads it only from this file).
export { kitProxy as proxy } from "@appbase/next-kit/proxy";

export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
  ],
};
`;

const HEALTH_ROUTE = `import { server } from "../../../server/kit.ts";

export const dynamic = "force-dynamic";
export const GET = server.health;
`;

const layout = (kit: string) => `import "@appbase/ui/styles.css";
import { kitMetadata, kitRootLayout } from "@appbase/next-kit/layout";
import { switchIdentityAction } from "../actions/identity.ts";
import { server } from "../server/kit.ts";
import "./${kit}.css";

export const metadata = kitMetadata(server.kit);
export const dynamic = "force-dynamic";
export default kitRootLayout(server, switchIdentityAction);
`;

const INSTRUMENTATION = `// Next's instrumentation hook. \`process.env.NEXT_RUNTIME\` is replaced at build time, so the Node-only
// telemetry and startup steps are not compiled into the edge (proxy) bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ kitInstrumentation }, { default: kit }] = await Promise.all([
      import("@appbase/telemetry/node"),
      import("../kit.ts"),
    ]);
    await kitInstrumentation(kit.id)();
  }
}
`;

const NEXT_CONFIG = `import { kitNextConfig } from "@appbase/next-kit/next-config";

export default kitNextConfig();
`;

const VITEST_CONFIG = `import { kitVitestConfig } from "@appbase/next-kit/vitest";

export default kitVitestConfig();
`;

const TSCONFIG = `{
  "extends": "@appbase/tsconfig/next.json",
  "include": ["next-env.d.ts", "src", "*.ts", ".next/types/**/*.ts"],
  "exclude": ["node_modules", ".next"]
}
`;

/** The skeleton of a kit, by path inside apps/<kit>. */
export function skeletonFiles(n: Pick<KitNames, "kit">): Record<string, string> {
  return {
    "next.config.ts": NEXT_CONFIG,
    "vitest.config.ts": VITEST_CONFIG,
    "tsconfig.json": TSCONFIG,
    "src/server/kit.ts": SERVER_KIT,
    "src/server/kit.test.ts": SERVER_KIT_TEST,
    "src/actions/identity.ts": IDENTITY_ACTION,
    "src/app/layout.tsx": layout(n.kit),
    "src/app/error.tsx": ERROR_BOUNDARY,
    "src/app/loading.tsx": LOADING_BOUNDARY,
    "src/app/api/health/route.ts": HEALTH_ROUTE,
    "src/instrumentation.ts": INSTRUMENTATION,
    "src/proxy.ts": PROXY,
  };
}

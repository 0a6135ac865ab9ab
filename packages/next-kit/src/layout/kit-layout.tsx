import { runningBranch } from "@appbase/bindings";
import type { FormAction } from "@appbase/ui/shell";
import { AppShell } from "@appbase/ui/shell";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { EnvironmentBadgeMode } from "../db/kit-database.ts";
import type { KitDefinition } from "../define-kit.ts";
import type { KitIdentity } from "../identity/types.ts";
import { parseRunningKits } from "../kit-switcher.ts";
import { shellIdentityProps, switcherUsers } from "../shell.ts";
import { HashTarget } from "./hash-target.tsx";

/** The part of a kit's server (createKitServer) the layout reads. */
export interface KitLayoutServer {
  kit: KitDefinition;
  serverEnv(): {
    mode: string;
    APPBASE_KITS?: string | undefined;
    APPBASE_BRANCH?: string | undefined;
    LAKEBASE_ENDPOINT?: string | undefined;
  };
  identityOrReason(): Promise<{ identity: KitIdentity | null }>;
  environmentMode(): Promise<EnvironmentBadgeMode>;
}

/** The page metadata of a kit, from its declaration. */
export function kitMetadata(kit: KitDefinition): Metadata {
  return { title: kit.title, description: kit.description };
}

/**
 * The root layout of every kit: the shared shell with the kit's title and navigation, the kit
 * switcher (the kits `appbase up` serves), the environment badge (naming the Lakebase branch when it
 * is not the default one) and the identity switcher.
 * `switchIdentity` is the kit's "use server" export (src/actions/identity.ts).
 */
export function kitRootLayout(server: KitLayoutServer, switchIdentity: FormAction) {
  return async function KitRootLayout({ children }: { children: ReactNode }) {
    const { kit } = server;
    const env = server.serverEnv();
    const { identity } = await server.identityOrReason();
    const branch = runningBranch({
      LAKEBASE_ENDPOINT: env.LAKEBASE_ENDPOINT,
      APPBASE_BRANCH: env.APPBASE_BRANCH,
    });
    return (
      <html lang="en">
        <body>
          {/* Keyed by user: the switcher's select is uncontrolled, and React's form reset after the
              switch action would otherwise leave it showing the previous person. */}
          <AppShell
            key={identity?.userId ?? "nobody"}
            productName={kit.title}
            homeHref={kit.home}
            environment={await server.environmentMode()}
            environmentDetail={branch ? `branch ${branch.name}` : undefined}
            kits={parseRunningKits(env.APPBASE_KITS, kit)}
            nav={kit.nav}
            {...shellIdentityProps({
              local: env.mode === "local",
              identity,
              users: switcherUsers(kit.localUsers, kit.matrix),
              action: switchIdentity,
            })}
          >
            {children}
          </AppShell>
          <HashTarget />
        </body>
      </html>
    );
  };
}

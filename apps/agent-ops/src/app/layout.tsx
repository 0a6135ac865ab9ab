import "@appbase/ui/styles.css";
import { shellIdentityProps } from "@appbase/next-kit/shell";
import { AppShell } from "@appbase/ui/shell";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { switchIdentityAction } from "../actions/identity.ts";
import { serverEnv } from "../env.ts";
import { environmentMode } from "../server/db.ts";
import { identityOrReason } from "../server/kit.ts";
import { kitLinks, switcherUsers } from "../server/shell.ts";
import "./agent-ops.css";

export const metadata: Metadata = {
  title: "AI Agent Operations Center",
  description: "Review queue, threads and tool calls of the agents, from their LangGraph checkpoints.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { identity } = await identityOrReason();
  return (
    <html lang="en">
      <body>
        {/* Keyed by user: the switcher's select is uncontrolled, and React's form reset after the
            switch action would otherwise leave it showing the previous person. */}
        <AppShell
          key={identity?.userId ?? "nobody"}
          productName="AI Agent Operations Center"
          homeHref="/queue"
          environment={await environmentMode()}
          kits={kitLinks()}
          nav={[
            { href: "/queue", label: "Review queue" },
            { href: "/threads", label: "Threads" },
            { href: "/tools", label: "Tool calls" },
            { href: "/registry", label: "Registry" },
          ]}
          {...shellIdentityProps({
            local: serverEnv().mode === "local",
            identity,
            users: switcherUsers(),
            action: switchIdentityAction,
          })}
        >
          {children}
        </AppShell>
      </body>
    </html>
  );
}

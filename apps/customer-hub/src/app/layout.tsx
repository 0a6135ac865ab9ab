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
import "./customer-hub.css";

export const metadata: Metadata = {
  title: "Customer Intelligence Hub",
  description: "Governed Customer 360 with the team's notes, status workflow and follow-ups.",
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
          productName="Customer Intelligence Hub"
          homeHref="/customers"
          environment={await environmentMode()}
          kits={kitLinks()}
          nav={[
            { href: "/customers", label: "Customers" },
            { href: "/insights", label: "Insights & Genie" },
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

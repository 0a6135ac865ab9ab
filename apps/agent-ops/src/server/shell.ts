import "server-only";
import { kitMatrices } from "@appbase/grants/kits";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { parseKitUrls } from "@appbase/next-kit/kit-switcher";
import type { KitLink, LocalUser } from "@appbase/ui/shell";
import { serverEnv } from "../env.ts";
import { kit } from "./kit.ts";
import { localUsers } from "./local-users.ts";

/** The kit switcher's entries, from APPBASE_KIT_URLS (only this kit when unset). */
export function kitLinks(): KitLink[] {
  return parseKitUrls(serverEnv().APPBASE_KIT_URLS, "agent-ops").map((k) => ({
    id: k.kit,
    // Kit titles come from each kit's grant matrix, the one place every kit is declared.
    title: (kitMatrices as Record<string, { title: string }>)[k.kit]?.title ?? k.kit,
    url: k.url,
    current: k.current,
  }));
}

/** The local switcher's people with their roles from the grant matrix. */
export function switcherUsers(): LocalUser[] {
  return localUsers.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: Object.entries(kit.config.matrix.roles)
      .filter(([, role]) => role.groups.some((g) => u.groups.includes(g)))
      .map(([name]) => name),
  }));
}

/** The signed-in person's role names, for the header. */
export function roleLabel(identity: KitIdentity): string {
  return identity.roles.join(", ") || "no role";
}

import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import * as shell from "@appbase/next-kit/shell";
import type { KitLink, LocalUser } from "@appbase/ui/shell";
import { serverEnv } from "../env.ts";
import { kit } from "./kit.ts";
import { localUsers } from "./local-users.ts";

/** The kit switcher's entries, from APPBASE_KIT_URLS (only this kit when unset). */
export function kitLinks(): KitLink[] {
  return shell.kitLinks(serverEnv().APPBASE_KIT_URLS, "agent-ops");
}

/** The local switcher's people with their roles from the grant matrix. */
export function switcherUsers(): LocalUser[] {
  return shell.switcherUsers(localUsers, kit.config.matrix);
}

/** The signed-in person's role names, for the header. */
export function roleLabel(identity: KitIdentity): string {
  return shell.roleLabel(identity);
}

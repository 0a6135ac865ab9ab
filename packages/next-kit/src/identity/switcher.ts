import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { z } from "zod";
import { brand } from "../action/registry.ts";
import type { ActionResult } from "../action/result.ts";
import type { KitRuntimeConfig } from "../kit-config.ts";
import { writeNextCookie } from "./next-request.ts";

const switchInput = z.object({
  userId: z.string().min(1, "userId is required: pick a person from the list"),
});

/** Builds the local identity switcher action; in Databricks Apps mode it refuses and logs every call. */
export function createLocalIdentitySwitcher<P extends string>(
  config: KitRuntimeConfig<P>,
  writeCookie: (name: string, value: string) => Promise<void> = writeNextCookie,
) {
  const switchLocalIdentity = async (raw: unknown): Promise<ActionResult<{ userId: string }>> => {
    if (config.mode === "apps") {
      config.logger?.warn(
        `[${config.matrix.kit}] refused a local identity switch: this app runs in Databricks Apps mode`,
      );
      return {
        ok: false,
        error: {
          kind: "forbidden",
          permission: "local-identity-switch",
          message:
            "The local identity switcher does not exist on Databricks Apps: your identity comes from your workspace sign-in.",
        },
      };
    }
    const parsed = switchInput.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    const user = parsed.success ? config.localUsers.find((u) => u.id === parsed.data.userId) : undefined;
    if (!user) {
      const known = config.localUsers.map((u) => u.id).join(", ");
      return {
        ok: false,
        error: {
          kind: "invalid",
          message: `Choose one of the local users: ${known}.`,
          fieldErrors: { userId: [`must be one of ${known}`] },
        },
      };
    }
    await writeCookie(LOCAL_IDENTITY_COOKIE, user.id);
    return { ok: true, data: { userId: user.id } };
  };
  return brand(switchLocalIdentity, { kind: "local-switcher", permission: null });
}

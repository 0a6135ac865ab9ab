import { z } from "zod";
import { brand } from "../action/registry.ts";
import type { ActionResult } from "../action/result.ts";
import type { KitRuntimeConfig } from "../kit-config.ts";
import { encodeLocalIdentity, LOCAL_IDENTITY_COOKIE } from "./local-cookie.ts";
import { writeNextCookie } from "./next-request.ts";
import type { LocalPerson } from "./types.ts";

const switchInput = z.object({
  email: z.string().min(1, "email is required: pick a person from the list"),
  role: z.string().min(1, "role is required: pick a role from the list"),
});

/** Builds the local identity switcher action; in Databricks Apps mode it refuses and logs every call. */
export function createLocalIdentitySwitcher<P extends string>(
  config: KitRuntimeConfig<P>,
  writeCookie: (name: string, value: string) => Promise<void> = writeNextCookie,
) {
  const switchLocalIdentity = async (raw: unknown): Promise<ActionResult<LocalPerson>> => {
    if (config.mode === "databricks-apps") {
      config.logger?.warn(
        `[${config.kit}] refused a local identity switch: this app runs in Databricks Apps mode`,
      );
      return {
        ok: false,
        error: {
          kind: "forbidden",
          permission: "local-identity-switch",
          message:
            "The local identity switcher does not exist in Databricks Apps: your identity comes from your workspace login.",
        },
      };
    }
    const parsed = switchInput.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          kind: "invalid",
          message: "Pick a person and a role.",
          fieldErrors: z.flattenError(parsed.error).fieldErrors,
        },
      };
    }
    const person = config.identity.localPeople.find(
      (p) => p.email === parsed.data.email && p.role === parsed.data.role,
    );
    if (!person) {
      const known = config.identity.localPeople.map((p) => `${p.email} (${p.role})`).join(", ");
      return {
        ok: false,
        error: {
          kind: "invalid",
          message: `Unknown local person; choose one of: ${known}.`,
          fieldErrors: { email: ["not in the local people list"] },
        },
      };
    }
    await writeCookie(LOCAL_IDENTITY_COOKIE, encodeLocalIdentity(person));
    return { ok: true, data: person };
  };
  return brand(switchLocalIdentity, { kind: "local-switcher", permission: null });
}

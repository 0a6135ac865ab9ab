import type { BindingDeclaration } from "@appbase/bindings";

/** Prefix of the variables that hold the app names of linked kits on Databricks. */
export const KIT_APP_PREFIX = "APPBASE_APP_";

/** The variable that holds the app name of kit `kit` on Databricks: `APPBASE_APP_CUSTOMER_HUB`. */
export function kitAppVariable(kit: string): string {
  return `${KIT_APP_PREFIX}${kit.toUpperCase().replaceAll("-", "_")}`;
}

/** The kit id an `APPBASE_APP_*` variable names. */
export function kitOfAppVariable(variable: string): string {
  return variable.slice(KIT_APP_PREFIX.length).toLowerCase().replaceAll("_", "-");
}

/**
 * The app.yaml bindings a kit declares for the kits it links to: one optional `app` resource each,
 * whose `valueFrom` is the deployed app's name (databricks-platform.md §1.3). The resource also gives
 * this app's service principal CAN_USE on that app. Unbound, the linked kit counts as not deployed.
 */
export function linkedKitBindings<const K extends string>(
  kits: readonly K[],
): Record<`APPBASE_APP_${string}`, BindingDeclaration & { optional: true }> {
  return Object.fromEntries(
    kits.map((kit) => [
      kitAppVariable(kit),
      {
        resource: `${kit}-app`,
        type: "app",
        optional: true,
        description: `The ${kit} kit's app, which this kit links to (its URL comes from the Apps API)`,
      },
    ]),
  );
}

/** The local user id another kit's app acts as when it calls this kit locally: `agent-ops-app`. */
export function callingAppUserId(kit: string): string {
  return `${kit}-app`;
}

/**
 * The local stand-in for kit `kit`'s service principal, for a called kit's `localUsers`: locally a
 * calling app acts as this user (the switcher cookie), as on Databricks it acts as its service
 * principal. `groups` are what give it the called kit's intake role in the grant matrix.
 */
export function callingAppUser(kit: string, groups: string[]) {
  return {
    id: callingAppUserId(kit),
    email: `${kit}-app@apps.appbase.local`,
    displayName: `${kit} (app)`,
    groups,
  };
}

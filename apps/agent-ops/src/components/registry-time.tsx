import { StatusBadge } from "@appbase/ui/badges";

/** A registry time as people read it, in UTC like the "as of" control. */
export function RegistryTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{`${iso.slice(0, 19).replace("T", " ")} UTC`}</time>;
}

/** Whether an agent or tool may be used. */
export function RegistryEnabledBadge({ enabled }: { enabled: boolean }) {
  return <StatusBadge tone={enabled ? "success" : "neutral"}>{enabled ? "enabled" : "disabled"}</StatusBadge>;
}

import { StatusBadge } from "@appbase/ui/badges";

/** A registry time as people read it, in UTC like the "as of" control; `precise` keeps milliseconds. */
export function RegistryTime({ iso, precise = false }: { iso: string; precise?: boolean }) {
  return <time dateTime={iso}>{`${iso.slice(0, precise ? 23 : 19).replace("T", " ")} UTC`}</time>;
}

/** Whether an agent or tool may be used. */
export function RegistryEnabledBadge({ enabled }: { enabled: boolean }) {
  return <StatusBadge tone={enabled ? "success" : "neutral"}>{enabled ? "enabled" : "disabled"}</StatusBadge>;
}

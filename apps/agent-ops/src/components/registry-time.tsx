import { StatusBadge } from "@appbase/ui/badges";
import type { ReactNode } from "react";

/** A registry time as people read it, in UTC like the "as of" control; `precise` keeps milliseconds. */
export function RegistryTime({ iso, precise = false }: { iso: string; precise?: boolean }) {
  return <time dateTime={iso}>{`${iso.slice(0, precise ? 23 : 19).replace("T", " ")} UTC`}</time>;
}

/** Whether an agent or tool may be used. */
export function RegistryEnabledBadge({ enabled }: { enabled: boolean }) {
  return <StatusBadge tone={enabled ? "success" : "neutral"}>{enabled ? "enabled" : "disabled"}</StatusBadge>;
}

/** The cells every registry row ends with: status, version, who changed it and when, the admin's controls. */
export function RegistryStateCells(props: {
  entry: { enabled: boolean; version: number; updatedBy: string; updatedAt: string };
  actions?: ReactNode;
}) {
  return (
    <>
      <td>
        <RegistryEnabledBadge enabled={props.entry.enabled} />
      </td>
      <td>{props.entry.version}</td>
      <td>{props.entry.updatedBy}</td>
      <td>
        <RegistryTime iso={props.entry.updatedAt} />
      </td>
      {props.actions === undefined ? null : <td>{props.actions}</td>}
    </>
  );
}

/** The header cells matching RegistryStateCells. */
export function RegistryStateHeaders(props: { withActions: boolean }) {
  return (
    <>
      <th>Status</th>
      <th>Version</th>
      <th>Updated by</th>
      <th>Updated at</th>
      {props.withActions ? <th>Change</th> : null}
    </>
  );
}

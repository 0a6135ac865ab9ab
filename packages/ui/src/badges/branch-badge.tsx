import { StatusBadge } from "./status-badge.tsx";

export type BranchBadgeProps = {
  /** The branch the kit runs on; render nothing on the default branch (pass undefined). */
  branch: string | undefined;
};

/** The shell's "not on main" marker: which Lakebase branch this page reads and writes. */
export function BranchBadge({ branch }: BranchBadgeProps) {
  if (!branch) return null;
  return (
    <span data-branch={branch}>
      <StatusBadge tone="warning" title="This kit runs on a Lakebase branch, not the main data">
        branch {branch}
      </StatusBadge>
    </span>
  );
}

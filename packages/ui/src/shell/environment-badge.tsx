import { cx } from "../internal/cx.ts";
import type { EnvironmentMode } from "./types.ts";

const LABEL: Record<EnvironmentMode, string> = {
  local: "Local Lakebase",
  postgres: "Postgres",
  "databricks-apps": "Databricks Apps",
};

const TITLE: Record<EnvironmentMode, string> = {
  local: "Embedded local Lakebase (PGlite) — data stays on this machine",
  postgres: "Connected to a PostgreSQL server through DATABASE_URL / PG* variables",
  "databricks-apps": "Running as a Databricks App against Lakebase",
};

/** Names the runtime mode, so nobody mistakes a local rehearsal for the workspace. */
export function EnvironmentBadge({ mode, detail }: { mode: EnvironmentMode; detail?: string }) {
  return (
    <span
      className={cx("ab-env", `ab-env--${mode}`)}
      title={detail ? `${TITLE[mode]} (${detail})` : TITLE[mode]}
    >
      <span className="ab-env__dot" aria-hidden="true" />
      {LABEL[mode]}
      {detail ? <span className="ab-env__detail">{detail}</span> : null}
    </span>
  );
}

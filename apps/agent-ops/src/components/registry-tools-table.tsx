import { StatusBadge } from "@appbase/ui/badges";
import type { ReactNode } from "react";
import type { RegisteredTool } from "../domain/registry/registry-entry.ts";
import { RegistryStateCells, RegistryStateHeaders } from "./registry-time.tsx";

const RISK_TONE = { low: "success", medium: "warning", high: "danger" } as const;

/** The tool registry; `actions` adds the admin's controls to each row. */
export function RegistryToolsTable(props: {
  tools: readonly RegisteredTool[];
  actions?: (tool: RegisteredTool) => ReactNode;
}) {
  if (props.tools.length === 0) return <p className="ab-muted">No tools were registered.</p>;
  return (
    <table className="ao-table" aria-label="Tools">
      <thead>
        <tr>
          <th>Tool</th>
          <th>Reads</th>
          <th>Risk</th>
          <RegistryStateHeaders withActions={Boolean(props.actions)} />
        </tr>
      </thead>
      <tbody>
        {props.tools.map((t) => (
          <tr key={t.toolName} data-tool={t.toolName}>
            <td>
              <code>{t.toolName}</code>
              <div className="ab-muted">{t.description}</div>
            </td>
            <td>
              {t.reads.length > 0 ? t.reads.join(", ") : <span className="ab-muted">no served tables</span>}
            </td>
            <td>
              <StatusBadge tone={RISK_TONE[t.riskLevel]}>{t.riskLevel}</StatusBadge>
            </td>
            <RegistryStateCells entry={t} {...(props.actions ? { actions: props.actions(t) } : {})} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ReactNode } from "react";
import type { AgentDefinition, RegisteredTool } from "../domain/registry/registry-entry.ts";
import { RegistryStateCells, RegistryStateHeaders } from "./registry-time.tsx";

/** The agent definitions; `actions` adds the admin's controls to each row. */
export function RegistryAgentsTable(props: {
  agents: readonly AgentDefinition[];
  tools: readonly RegisteredTool[];
  actions?: (agent: AgentDefinition) => ReactNode;
}) {
  const toolEnabled = new Map(props.tools.map((t) => [t.toolName, t.enabled]));
  if (props.agents.length === 0) return <p className="ab-muted">No agents were registered.</p>;
  return (
    <table className="ao-table" aria-label="Agents">
      <thead>
        <tr>
          <th>Agent</th>
          <th>Tools</th>
          <th>Human review</th>
          <RegistryStateHeaders withActions={Boolean(props.actions)} />
        </tr>
      </thead>
      <tbody>
        {props.agents.map((a) => (
          <tr key={a.agentId} data-agent={a.agentId}>
            <td>
              <strong>{a.title}</strong> <code>{a.agentId}</code>
              <div className="ab-muted">{a.description}</div>
            </td>
            <td>
              {a.tools.map((t) => (
                <div key={t}>
                  <code>{t}</code>
                  {toolEnabled.get(t) === false ? <span className="ao-error"> (tool disabled)</span> : null}
                </div>
              ))}
            </td>
            <td>{a.reviewRequired ? "required" : "no"}</td>
            <RegistryStateCells entry={a} {...(props.actions ? { actions: props.actions(a) } : {})} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Banner } from "@appbase/ui/badges";
import { PageHeader } from "@appbase/ui/shell";
import type { ReactNode } from "react";
import { parseAsOfParam } from "../../components/as-of-param.ts";
import { RegistryAgentForm } from "../../components/registry-agent-form.tsx";
import { RegistryAgentsTable } from "../../components/registry-agents-table.tsx";
import { RegistryAsOfControl } from "../../components/registry-as-of-control.tsx";
import { RegistryEnabledToggle } from "../../components/registry-enabled-toggle.tsx";
import { RegistryHistoryView } from "../../components/registry-history-view.tsx";
import { RegistryToolForm } from "../../components/registry-tool-form.tsx";
import { RegistryToolsTable } from "../../components/registry-tools-table.tsx";
import { registryAsOf } from "../../domain/registry/registry-as-of.ts";
import { REGISTRY_EDIT_PERMISSION } from "../../domain/registry/registry-permissions.ts";
import { listRegistry } from "../../domain/registry/registry-read.ts";
import { can, db, pageViewer } from "../../server/kit.ts";
import { registryRuntime } from "../../server/registry.ts";

export const dynamic = "force-dynamic";

const SECTION = { marginBottom: "1.5rem" } as const;

/** The governed agent and tool registries: current from Lakebase, or "as of" a time from the lakehouse history. */
export default async function RegistryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { identity, refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const raw = (await searchParams).asOf;
  const asOf = parseAsOfParam(Array.isArray(raw) ? raw[0] : raw);
  const { runtime, unavailable } = await registryRuntime();
  const header = (
    <PageHeader
      title="Agent and tool registry"
      description="Governed tables: every change is written to the lakehouse first (silver), then to Lakebase, with an audit event in bronze."
    />
  );
  if (asOf && "at" in asOf && runtime) {
    const past = await registryAsOf(runtime.writer, asOf.at);
    return (
      <>
        {header}
        <RegistryHistoryView past={past} />
      </>
    );
  }
  const registry = await listRegistry(await db(), runtime?.writer ?? null);
  const editable = Boolean(runtime) && can(identity, REGISTRY_EDIT_PERMISSION);
  const toolNames = registry.tools.map((t) => t.toolName);
  return (
    <>
      {header}
      {unavailable ? (
        <Banner tone="warning" title="The lakehouse is not reachable: the registry is read-only">
          {unavailable} The tables below are the Lakebase copy; the &ldquo;as of&rdquo; history and editing
          need the lakehouse.
        </Banner>
      ) : (
        <RegistryAsOfControl {...(asOf && "error" in asOf ? { error: asOf.error } : {})} />
      )}
      {!editable && !unavailable ? (
        <p className="ab-muted">Read-only for your role: only Agent Ops admins change the registry.</p>
      ) : null}
      <section style={SECTION}>
        <h2 className="ab-section-title">Agents</h2>
        <RegistryAgentsTable
          agents={registry.agents}
          tools={registry.tools}
          {...(editable
            ? {
                actions: (a) => (
                  <RowControls kind="agent" id={a.agentId} entry={a}>
                    <RegistryAgentForm key={a.version} agent={a} toolNames={toolNames} />
                  </RowControls>
                ),
              }
            : {})}
        />
        {editable ? (
          <details>
            <summary>Register an agent</summary>
            <RegistryAgentForm toolNames={toolNames} />
          </details>
        ) : null}
      </section>
      <section style={SECTION}>
        <h2 className="ab-section-title">Tools</h2>
        <RegistryToolsTable
          tools={registry.tools}
          {...(editable
            ? {
                actions: (t) => (
                  <RowControls kind="tool" id={t.toolName} entry={t}>
                    <RegistryToolForm key={t.version} tool={t} />
                  </RowControls>
                ),
              }
            : {})}
        />
        {editable ? (
          <details>
            <summary>Register a tool</summary>
            <RegistryToolForm />
          </details>
        ) : null}
      </section>
    </>
  );
}

/** An admin's controls on one registry row: enable/disable at the shown version, and the edit form. */
function RowControls(props: {
  kind: "agent" | "tool";
  id: string;
  entry: { enabled: boolean; version: number };
  children: ReactNode;
}) {
  return (
    <div className="ao-stack">
      <RegistryEnabledToggle
        kind={props.kind}
        id={props.id}
        enabled={props.entry.enabled}
        version={props.entry.version}
      />
      <details>
        <summary>Edit</summary>
        {props.children}
      </details>
    </div>
  );
}

"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { TextField } from "@appbase/ui/forms";
import { useState, useTransition } from "react";
import { saveAgentDefinitionAction } from "../actions/registry.ts";
import type { AgentDefinition } from "../domain/registry/registry-entry.ts";
import { RegistryFailure } from "./registry-failure.tsx";

const fieldError = (failure: ActionFailure | null, field: string) =>
  failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined;

/** Registers a new agent definition, or edits `agent` at the version shown. */
export function RegistryAgentForm({
  agent,
  toolNames,
}: {
  agent?: AgentDefinition;
  toolNames: readonly string[];
}) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const prefix = agent ? `agent-${agent.agentId}` : "agent-new";
  return (
    <form
      aria-label={agent ? `Edit agent ${agent.agentId}` : "Register an agent"}
      className="ao-stack"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        start(async () => {
          const result = await saveAgentDefinitionAction(form);
          setFailure(result.ok ? null : result.error);
          setSaved(result.ok ? `Saved ${result.data.agentId} as version ${result.data.version}.` : null);
        });
      }}
    >
      <input type="hidden" name="expectedVersion" value={agent?.version ?? 0} />
      {agent ? (
        <input type="hidden" name="agentId" value={agent.agentId} />
      ) : (
        <TextField
          id={`${prefix}-id`}
          name="agentId"
          label="Agent id"
          required
          error={fieldError(failure, "agentId")}
        />
      )}
      <TextField
        id={`${prefix}-title`}
        name="title"
        label="Title"
        defaultValue={agent?.title}
        required
        error={fieldError(failure, "title")}
      />
      <TextField
        id={`${prefix}-description`}
        name="description"
        label="Description"
        defaultValue={agent?.description}
        required
        error={fieldError(failure, "description")}
      />
      <TextField
        id={`${prefix}-tools`}
        name="tools"
        label="Tools (comma-separated)"
        hint={`Registered: ${toolNames.join(", ") || "none yet"}`}
        defaultValue={agent?.tools.join(", ")}
        error={fieldError(failure, "tools")}
      />
      <label>
        <input type="checkbox" name="reviewRequired" defaultChecked={agent?.reviewRequired ?? true} /> Human
        review required
      </label>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={agent?.enabled ?? true} /> Enabled
      </label>
      <button className="ab-button ab-button--primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : agent ? "Save agent" : "Register agent"}
      </button>
      {failure ? <RegistryFailure failure={failure} onReload={() => setFailure(null)} /> : null}
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}

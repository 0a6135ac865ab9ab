"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { SelectField, TextField } from "@appbase/ui/forms";
import { useState, useTransition } from "react";
import { saveToolAction } from "../actions/registry.ts";
import type { RegisteredTool } from "../domain/registry/registry-entry.ts";
import { RegistryFailure } from "./registry-failure.tsx";

const fieldError = (failure: ActionFailure | null, field: string) =>
  failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined;

/** Registers a new tool, or edits `tool` at the version shown. */
export function RegistryToolForm({ tool }: { tool?: RegisteredTool }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const prefix = tool ? `tool-${tool.toolName}` : "tool-new";
  return (
    <form
      aria-label={tool ? `Edit tool ${tool.toolName}` : "Register a tool"}
      className="ao-stack"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        start(async () => {
          const result = await saveToolAction(form);
          setFailure(result.ok ? null : result.error);
          setSaved(result.ok ? `Saved ${result.data.toolName} as version ${result.data.version}.` : null);
        });
      }}
    >
      <input type="hidden" name="expectedVersion" value={tool?.version ?? 0} />
      {tool ? (
        <input type="hidden" name="toolName" value={tool.toolName} />
      ) : (
        <TextField
          id={`${prefix}-name`}
          name="toolName"
          label="Tool name"
          required
          error={fieldError(failure, "toolName")}
        />
      )}
      <TextField
        id={`${prefix}-description`}
        name="description"
        label="Description"
        defaultValue={tool?.description}
        required
        error={fieldError(failure, "description")}
      />
      <TextField
        id={`${prefix}-reads`}
        name="reads"
        label="Reads (schema.table, comma-separated)"
        defaultValue={tool?.reads.join(", ")}
        error={fieldError(failure, "reads")}
      />
      <SelectField
        id={`${prefix}-risk`}
        name="riskLevel"
        label="Risk"
        defaultValue={tool?.riskLevel ?? "low"}
        options={[{ value: "low" }, { value: "medium" }, { value: "high" }]}
        error={fieldError(failure, "riskLevel")}
      />
      <label>
        <input type="checkbox" name="enabled" defaultChecked={tool?.enabled ?? true} /> Enabled
      </label>
      <button className="ab-button ab-button--primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : tool ? "Save tool" : "Register tool"}
      </button>
      {failure ? <RegistryFailure failure={failure} onReload={() => setFailure(null)} /> : null}
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}

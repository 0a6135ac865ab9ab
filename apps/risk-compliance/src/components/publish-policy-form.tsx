"use client";

import { publishPolicyAction } from "../actions/policies.ts";
import { ActionForm, FormField } from "./action-form.tsx";

const FIELDS = ["policyId", "version", "effectiveDate", "body"] as const;

/** A compliance officer publishes a newer version of one of the policies (its sections are re-embedded). */
export function PublishPolicyForm({
  policies,
}: {
  policies: { id: string; title: string; version: string }[];
}) {
  return (
    <ActionForm
      label="Publish version"
      action={publishPolicyAction}
      hidden={{}}
      fields={FIELDS}
      describe={(d) =>
        `Published ${d.policyId} v${d.version}: ${d.embedded} section(s) embedded, ${d.reused} unchanged reused.`
      }
    >
      <FormField name="policyId" label="Policy">
        <select name="policyId" aria-describedby="policyId-error">
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.title} (now v{p.version})
            </option>
          ))}
        </select>
      </FormField>
      <FormField name="version" label="New version">
        <input name="version" maxLength={20} placeholder="e.g. 3.1" aria-describedby="version-error" />
      </FormField>
      <FormField name="effectiveDate" label="Effective from">
        <input name="effectiveDate" type="date" aria-describedby="effectiveDate-error" />
      </FormField>
      <FormField
        name="body"
        label="Policy text (one section per paragraph, each starting with its heading, e.g. “Scope. …”)"
      >
        <textarea name="body" rows={8} maxLength={100_000} aria-describedby="body-error" />
      </FormField>
    </ActionForm>
  );
}

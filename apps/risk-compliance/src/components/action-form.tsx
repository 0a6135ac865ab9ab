"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure, ActionResult } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition } from "react";

const FailureContext = createContext<ActionFailure | null>(null);

/**
 * A form whose fields are sent to one server action. Field errors show beside their `FormField`;
 * anything else (a conflict naming who holds the item, a refusal) shows under the button.
 */
export function ActionForm<T>(props: {
  label: string;
  action: (input: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  /** The names of the fields wrapped in `FormField`, so their errors are not repeated below. */
  fields?: readonly string[];
  children?: React.ReactNode;
  /** After success, open `prefix` + the result's `field` (e.g. the new case's page). */
  goTo?: { prefix: string; field: string };
  /** After success, say what happened (the form is cleared). */
  describe?: (data: T) => string;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = new FormData();
    for (const [k, v] of Object.entries(props.hidden)) input.set(k, v);
    // Empty optional fields are left out rather than sent as "".
    for (const [k, v] of new FormData(form).entries()) if (v !== "") input.set(k, v);
    start(async () => {
      const result = await props.action(input);
      if (!result.ok) {
        setFailure(result.error);
        setDone(null);
        return;
      }
      setFailure(null);
      setDone(props.describe ? props.describe(result.data) : null);
      if (props.describe) form.reset();
      const target = props.goTo && (result.data as Record<string, unknown>)[props.goTo.field];
      if (props.goTo && typeof target === "string") router.push(`${props.goTo.prefix}${target}`);
      else router.refresh();
    });
  };
  return (
    <FailureContext.Provider value={failure}>
      <form className="rc-form" onSubmit={submit} aria-label={props.label} noValidate>
        {props.children}
        <button className="ab-button" type="submit" disabled={pending}>
          {pending ? "Working…" : props.label}
        </button>
        <FormError failure={failure} fields={props.fields ?? []} />
        {failure?.kind === "conflict" && (
          <p className="ab-action-error" role="alert" data-form-error="conflict">
            {failure.message}
          </p>
        )}
        {done && (
          <output className="rc-done" aria-live="polite">
            {done}
          </output>
        )}
      </form>
    </FailureContext.Provider>
  );
}

/** One labelled field of an `ActionForm`, with the action's messages for it underneath. */
export function FormField({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: React.ReactNode;
}) {
  const failure = useContext(FailureContext);
  return (
    <div className="rc-field">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the element passed as children */}
      <label>
        <span>{label}</span>
        {children}
      </label>
      <FieldError failure={failure} field={name} id={`${name}-error`} />
    </div>
  );
}

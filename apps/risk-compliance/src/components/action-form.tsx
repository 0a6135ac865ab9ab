"use client";

import type { ActionResult } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/**
 * A form whose fields are sent to one server action; the action's refusal (a conflict naming who
 * holds the item, a field error) is shown beside it.
 */
export function ActionForm<T>(props: {
  label: string;
  action: (input: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  children?: React.ReactNode;
  /** After success, open `prefix` + the result's `field` (e.g. the new case's page). */
  goTo?: { prefix: string; field: string };
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filled = new FormData(event.currentTarget);
    const input = new FormData();
    for (const [k, v] of Object.entries(props.hidden)) input.set(k, v);
    // Empty optional fields are left out rather than sent as "".
    for (const [k, v] of filled.entries()) if (v !== "") input.set(k, v);
    start(async () => {
      const result = await props.action(input);
      if (!result.ok) {
        const f = result.error;
        setError(
          f.kind === "invalid" ? Object.values(f.fieldErrors).flat().join(" ") || f.message : f.message,
        );
        return;
      }
      setError(null);
      const target = props.goTo && (result.data as Record<string, unknown>)[props.goTo.field];
      if (props.goTo && typeof target === "string") router.push(`${props.goTo.prefix}${target}`);
      else router.refresh();
    });
  };
  return (
    <form className="rc-form" onSubmit={submit} aria-label={props.label}>
      {props.children}
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Working…" : props.label}
      </button>
      {error && (
        <p className="rc-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { forkRunAction } from "../actions/fork.ts";

/** A tool result a fork can replace: the call, and the checkpoints (root graph) that hold its result. */
export interface ForkableResult {
  toolCallId: string;
  tool: string;
  result: string;
  checkpoints: Array<{ id: string; label: string }>;
}

/** Pick a checkpoint and a tool result in it, edit the result, and run the fork from there. */
export function ForkForm(props: { threadId: string; results: ForkableResult[] }) {
  const first = props.results[0];
  const [toolCallId, setToolCallId] = useState(first?.toolCallId ?? "");
  const chosen = props.results.find((r) => r.toolCallId === toolCallId) ?? first;
  const [checkpointId, setCheckpointId] = useState(first?.checkpoints[0]?.id ?? "");
  const [result, setResult] = useState(first?.result ?? "");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const choose = (id: string) => {
    const next = props.results.find((r) => r.toolCallId === id);
    setToolCallId(id);
    setCheckpointId(next?.checkpoints[0]?.id ?? "");
    setResult(next?.result ?? "");
  };
  const submit = () =>
    start(async () => {
      const outcome = await forkRunAction({ threadId: props.threadId, checkpointId, toolCallId, result });
      if (outcome.ok) {
        setFailure(null);
        router.refresh();
      } else setFailure(outcome.error);
    });
  if (!chosen) return <p className="ab-muted">No tool result in this thread to edit yet.</p>;
  return (
    <form
      aria-label="Fork from a checkpoint"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="ao-row">
        <label>
          <span>Tool result</span>
          <select
            className="ab-input"
            name="toolCallId"
            value={toolCallId}
            onChange={(e) => choose(e.target.value)}
          >
            {props.results.map((r) => (
              <option key={r.toolCallId} value={r.toolCallId}>
                {`${r.tool} (${r.toolCallId})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>From checkpoint</span>
          <select
            className="ab-input"
            name="checkpointId"
            value={checkpointId}
            onChange={(e) => setCheckpointId(e.target.value)}
          >
            {chosen.checkpoints.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="ao-grow">
        <span>Edited result</span>
        <textarea
          className="ab-input"
          name="result"
          rows={4}
          maxLength={10_000}
          value={result}
          onChange={(e) => setResult(e.target.value)}
        />
      </label>
      <p>
        <button className="ab-button" type="submit" disabled={pending}>
          {pending ? "Running the fork…" : "Run fork"}
        </button>
      </p>
      {failure ? (
        <p role="alert" className="ao-error">
          {failure.kind === "invalid"
            ? (Object.values(failure.fieldErrors)[0]?.[0] ?? failure.message)
            : failure.message}
        </p>
      ) : null}
    </form>
  );
}

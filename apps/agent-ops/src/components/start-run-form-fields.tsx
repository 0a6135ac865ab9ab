"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startRunAction } from "../actions/runs.ts";

export interface AgentChoice {
  name: string;
  title: string;
  exampleRequest: string;
  /** Whether the registry lets it start, in a sentence. */
  availability: string;
}

/** The start form's fields: agent, request; on success opens the new thread. */
export function StartRunFields(props: { agents: AgentChoice[]; modelLabel: string }) {
  const [agent, setAgent] = useState(props.agents[0]?.name ?? "customer-support");
  const [request, setRequest] = useState(props.agents[0]?.exampleRequest ?? "");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const choose = (name: string) => {
    const previous = props.agents.find((a) => a.name === agent);
    const next = props.agents.find((a) => a.name === name);
    // Swap the example along with the agent, unless the operator typed their own request.
    if (next && (request === previous?.exampleRequest || request === "")) setRequest(next.exampleRequest);
    setAgent(name);
  };
  const submit = () =>
    start(async () => {
      const result = await startRunAction({ agent: agent as "customer-support", request });
      if (result.ok) {
        setFailure(null);
        router.push(`/threads/${result.data.threadId}`);
      } else setFailure(result.error);
    });
  const chosen = props.agents.find((a) => a.name === agent);
  const title = chosen?.title ?? agent;
  return (
    <form
      aria-label="Start a run"
      className="ao-row"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label>
        <span>Agent to run</span>
        <select className="ab-input" name="agent" value={agent} onChange={(e) => choose(e.target.value)}>
          {props.agents.map((a) => (
            <option key={a.name} value={a.name}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label className="ao-grow">
        <span>Request</span>
        <input
          className="ab-input"
          name="request"
          value={request}
          onChange={(e) => setRequest(e.target.value)}
        />
      </label>
      <button className="ab-button" type="submit" disabled={pending}>
        {pending
          ? "Running…"
          : agent === "customer-support"
            ? "Start support agent run"
            : `Start ${title.toLowerCase()} run`}
      </button>
      <p className="ab-muted">Model: {props.modelLabel}</p>
      {chosen ? <p className="ab-muted">{chosen.availability}</p> : null}
      {failure ? (
        <p role="alert" className="ao-error">
          {failure.kind === "invalid"
            ? (failure.fieldErrors.request?.[0] ?? failure.fieldErrors.agent?.[0] ?? failure.message)
            : failure.message}
        </p>
      ) : null}
    </form>
  );
}

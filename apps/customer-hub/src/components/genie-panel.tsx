"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { askGenieAction } from "../actions/genie.ts";

/** "Ask about customers": sends the question to the bound Genie space and shows its answer, SQL and table. */
export function GeniePanel() {
  const [question, setQuestion] = useState("");
  const ask = useMutation({
    mutationKey: ["genie", "ask"],
    mutationFn: (q: string) => askGenieAction({ question: q }),
  });
  const result = ask.data;
  const failure = result && !result.ok ? result.error : null;
  return (
    <div className="ch-stack">
      <div className="ch-row">
        <label className="ch-stack" style={{ flex: 1 }}>
          <span className="ab-sr-only">Question</span>
          <input
            className="ab-input"
            name="question"
            value={question}
            placeholder="e.g. How many high-risk VIP customers are in EMEA?"
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") ask.mutate(question);
            }}
          />
        </label>
        <button
          className="ab-button"
          type="button"
          disabled={ask.isPending}
          onClick={() => ask.mutate(question)}
        >
          {ask.isPending ? "Asking Genie…" : "Ask"}
        </button>
      </div>
      <FieldError failure={failure} field="question" />
      <FormError failure={failure} fields={["question"]} />
      {result?.ok ? (
        <div className="ch-stack" data-genie-answer>
          {result.data.text ? <p>{result.data.text}</p> : null}
          {result.data.sql ? (
            <details open>
              <summary>{result.data.queryTitle ?? "SQL Genie ran"}</summary>
              <pre className="ch-sql">{result.data.sql}</pre>
            </details>
          ) : null}
          {result.data.columns.length > 0 ? (
            <table className="ch-features">
              <thead>
                <tr>
                  {result.data.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.data.rows.map((row, i) => (
                  // Genie rows have no id; their position is their identity in this answer.
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={result.data.columns[j] ?? j}>{cell ?? "NULL"}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.data.suggestedQuestions.length > 0 ? (
            <p className="ab-muted">Try next: {result.data.suggestedQuestions.join(" · ")}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

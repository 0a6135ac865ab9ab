"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { StatusBadge } from "@appbase/ui/badges";
import { useState, useTransition } from "react";
import { completeTaskAction, createTaskAction } from "../actions/tasks.ts";
import type { FollowUpTask } from "../domain/tasks/tasks.ts";

const FIELDS = ["title", "assigneeEmail", "dueDate"] as const;

/** Follow-up tasks: create with an assignee and due date, mark done. */
export function TasksPanel(props: {
  customerId: string;
  tasks: FollowUpTask[];
  canWrite: boolean;
  defaultAssignee: string;
  today: string;
}) {
  const [form, setForm] = useState({ title: "", assigneeEmail: props.defaultAssignee, dueDate: props.today });
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const create = () =>
    start(async () => {
      const result = await createTaskAction({ customerId: props.customerId, ...form, requestId });
      if (result.ok) {
        setForm((f) => ({ ...f, title: "" }));
        setRequestId(crypto.randomUUID());
        setFailure(null);
      } else setFailure(result.error);
    });
  const complete = (task: FollowUpTask) =>
    start(async () => {
      const result = await completeTaskAction({
        customerId: props.customerId,
        taskId: task.id,
        expectedVersion: task.version,
      });
      setFailure(result.ok ? null : result.error);
    });
  return (
    <section className="ch-card" aria-label="Follow-up tasks">
      <h2>Follow-up tasks</h2>
      {props.tasks.length === 0 ? <p className="ab-muted">No follow-ups.</p> : null}
      <ul style={{ listStyle: "none", padding: 0, margin: "0 0 0.75rem" }}>
        {props.tasks.map((task) => (
          <li key={task.id} className="ch-note ch-row" style={{ justifyContent: "space-between" }}>
            <span>
              <strong>{task.title}</strong>
              <span className="ch-note__meta">
                {" "}
                · {task.assigneeEmail} · due {task.dueDate}
              </span>
            </span>
            {task.state === "done" ? (
              <StatusBadge tone="success">done</StatusBadge>
            ) : props.canWrite ? (
              <button
                className="ab-button ab-button--secondary ab-button--compact"
                type="button"
                onClick={() => complete(task)}
                disabled={pending}
              >
                Mark done
              </button>
            ) : (
              <StatusBadge tone={task.dueDate < props.today ? "danger" : "info"}>open</StatusBadge>
            )}
          </li>
        ))}
      </ul>
      {props.canWrite ? (
        <div className="ch-stack">
          <label className="ch-stack">
            <span>Task</span>
            <input
              className="ab-input"
              name="title"
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
          </label>
          <FieldError failure={failure} field="title" />
          <div className="ch-row">
            <label className="ch-stack" style={{ flex: 2 }}>
              <span>Assignee</span>
              <input
                className="ab-input"
                name="assigneeEmail"
                type="email"
                value={form.assigneeEmail}
                onChange={(e) => setForm({ ...form, assigneeEmail: e.target.value })}
              />
            </label>
            <label className="ch-stack" style={{ flex: 1 }}>
              <span>Due</span>
              <input
                className="ab-input"
                name="dueDate"
                type="date"
                value={form.dueDate}
                onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
              />
            </label>
          </div>
          <FieldError failure={failure} field="assigneeEmail" />
          <FieldError failure={failure} field="dueDate" />
          <FormError failure={failure} fields={FIELDS} />
          <button className="ab-button" type="button" onClick={create} disabled={pending}>
            Add follow-up
          </button>
        </div>
      ) : null}
    </section>
  );
}

import { PRIORITIES, type Priority } from "../domain/work-orders/priority.ts";

export interface TechnicianOption {
  id: string;
  displayName: string;
}

/** The priority select of a form (`name="priority"`), uncontrolled unless `value` is given. */
export function PrioritySelect(props: {
  defaultValue?: Priority;
  value?: Priority;
  onChange?: (p: Priority) => void;
}) {
  return (
    <label>
      Priority
      <select
        className="ab-select"
        name="priority"
        {...(props.value === undefined
          ? { defaultValue: props.defaultValue ?? "medium" }
          : { value: props.value })}
        onChange={props.onChange ? (e) => props.onChange?.(e.target.value as Priority) : undefined}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The technician select of a form (`name="assigneeId"`, empty = unassigned). */
export function TechnicianSelect(props: {
  technicians: readonly TechnicianOption[];
  defaultValue?: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  return (
    <label>
      Technician
      <select
        className="ab-select"
        name="assigneeId"
        {...(props.value === undefined ? { defaultValue: props.defaultValue ?? "" } : { value: props.value })}
        onChange={props.onChange ? (e) => props.onChange?.(e.target.value) : undefined}
      >
        <option value="">Unassigned</option>
        {props.technicians.map((t) => (
          <option key={t.id} value={t.id}>
            {t.displayName}
          </option>
        ))}
      </select>
      {props.technicians.length === 0 ? (
        <small className="ab-muted">
          No technicians yet: holders of the technician role join this list when they first open their work or
          the alert queue.
        </small>
      ) : null}
    </label>
  );
}

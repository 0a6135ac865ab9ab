import type { ReactNode } from "react";
import type { FormAction } from "../internal/form-action.ts";
import { AlertIcon } from "../internal/icons.tsx";
import { formatRelative, formatTimestamp, type Instant, toDate } from "../internal/time.ts";

export type ConflictNoticeProps = {
  /** The version now stored, which the failed save did not expect. */
  theirVersion: number | string;
  theirUpdatedBy?: string;
  theirUpdatedAt?: Instant;
  now?: Instant;
  /** Fields that differ, to help decide between reloading and overwriting. */
  changes?: ReadonlyArray<{ field: string; theirs: ReactNode; mine: ReactNode }>;
  /** Discards my edit and shows the stored record. */
  reloadHref: string;
  /**
   * Saves my values over theirs. The form posts `fields` (my values) plus `versionField` = their
   * version, so the write is still version-checked and fails again if the record moved on.
   */
  overwrite: { action: FormAction; fields: Record<string, string>; versionField?: string };
};

/** Inline notice for an optimistic-concurrency conflict: someone else changed this; reload or overwrite. */
export function ConflictNotice(props: ConflictNoticeProps) {
  const { overwrite } = props;
  const versionField = overwrite.versionField ?? "expectedVersion";
  const at = props.theirUpdatedAt === undefined ? null : toDate(props.theirUpdatedAt, "theirUpdatedAt");
  const now = toDate(props.now ?? new Date(), "now");
  return (
    <div className="ab-conflict" role="alert">
      <AlertIcon className="ab-conflict__icon" />
      <div className="ab-conflict__body">
        <p className="ab-conflict__title">Someone else changed this while you were editing</p>
        <p className="ab-conflict__text">
          Now at version <strong>{props.theirVersion}</strong>
          {props.theirUpdatedBy ? (
            <>
              , saved by <strong>{props.theirUpdatedBy}</strong>
            </>
          ) : null}
          {at ? (
            <>
              {" "}
              <time dateTime={at.toISOString()} title={formatTimestamp(at)}>
                {formatRelative(at, now)}
              </time>
            </>
          ) : null}
          . Your changes were not saved.
        </p>
        {props.changes && props.changes.length > 0 ? (
          <table className="ab-conflict__changes">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Theirs</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {props.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.field}</th>
                  <td>{change.theirs}</td>
                  <td>{change.mine}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="ab-conflict__actions">
          <a className="ab-button ab-button--secondary" href={props.reloadHref}>
            Reload their version
          </a>
          <form action={overwrite.action} method={typeof overwrite.action === "string" ? "post" : undefined}>
            {Object.entries(overwrite.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name={versionField} value={String(props.theirVersion)} />
            <button className="ab-button ab-button--danger" type="submit">
              Overwrite with mine
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}

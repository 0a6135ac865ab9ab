import type { ReactNode } from "react";
import { StatusBadge } from "../badges/status-badge.tsx";
import type { Tone } from "../badges/tone.ts";
import { cx } from "../internal/cx.ts";
import { formatRelative, formatTimestamp, type Instant, toDate } from "../internal/time.ts";
import { describeClaim } from "./lease.ts";

/** One work item in a queue (alert, review, work order). */
export type QueueItem = {
  id: string;
  title: ReactNode;
  href?: string;
  status: { label: string; tone: Tone };
  /** Shown as a small leading marker; `high`/`critical` are emphasised. */
  priority?: "low" | "medium" | "high" | "critical";
  claimedBy?: string | null;
  leaseExpiresAt?: Instant | null;
  createdAt?: Instant;
  /** Secondary facts, e.g. "Customer C-2231 · Score 0.91". */
  meta?: ReactNode;
};

export type QueueListProps = {
  items: readonly QueueItem[];
  now?: Instant;
  /** Per-item controls, e.g. a claim/release form. */
  renderActions?: (item: QueueItem) => ReactNode;
  /** Name of the current user, so their own claims read "You". */
  currentUser?: string;
  empty?: ReactNode;
  label?: string;
};

/** Presentational queue: status, priority, claim owner and lease expiry of each item. */
export function QueueList({
  items,
  now = new Date(),
  renderActions,
  currentUser,
  empty = "The queue is empty.",
  label = "Queue",
}: QueueListProps) {
  const nowDate = toDate(now, "now");
  if (items.length === 0) return <p className="ab-queue__empty">{empty}</p>;
  return (
    <ul className="ab-queue" aria-label={label}>
      {items.map((item) => {
        const claim = describeClaim(item.claimedBy, item.leaseExpiresAt, nowDate);
        const created =
          item.createdAt === undefined ? null : toDate(item.createdAt, `items[${item.id}].createdAt`);
        const owner = claim.kind === "unclaimed" ? null : claim.owner === currentUser ? "You" : claim.owner;
        return (
          <li
            key={item.id}
            className={cx("ab-queue__item", item.priority && `ab-queue__item--${item.priority}`)}
          >
            {item.priority ? (
              <span
                className={`ab-priority ab-priority--${item.priority}`}
                title={`Priority: ${item.priority}`}
              >
                {item.priority}
              </span>
            ) : null}
            <div className="ab-queue__main">
              <p className="ab-queue__title">
                {item.href ? <a href={item.href}>{item.title}</a> : item.title}
              </p>
              <p className="ab-queue__meta">
                <span className="ab-queue__id">{item.id}</span>
                {created ? (
                  <time dateTime={created.toISOString()} title={formatTimestamp(created)}>
                    opened {formatRelative(created, nowDate)}
                  </time>
                ) : null}
                {item.meta ? <span>{item.meta}</span> : null}
              </p>
            </div>
            <div className={cx("ab-queue__claim", `ab-queue__claim--${claim.kind}`)}>
              {claim.kind === "unclaimed" ? (
                <span className="ab-muted">Unclaimed</span>
              ) : (
                <>
                  <span className="ab-queue__owner">
                    Claimed by <strong>{owner}</strong>
                  </span>
                  <span className="ab-queue__lease">{claim.text}</span>
                </>
              )}
            </div>
            <StatusBadge tone={item.status.tone}>{item.status.label}</StatusBadge>
            {renderActions ? <div className="ab-queue__actions">{renderActions(item)}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

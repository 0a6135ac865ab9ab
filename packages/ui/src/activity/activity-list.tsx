import type { ReactNode } from "react";
import type { Tone } from "../badges/tone.ts";
import { formatRelative, formatTimestamp, type Instant, toDate } from "../internal/time.ts";
import { initials } from "../shell/identity-switcher.tsx";

/** One entry of an audit trail: who did what to what, and when. */
export type ActivityItem = {
  id: string;
  actor: string;
  /** Verb phrase, e.g. "changed status to Resolved". */
  action: ReactNode;
  /** What it was done to, e.g. "case C-1042"; rendered as a link when `href` is set. */
  target?: ReactNode;
  href?: string;
  at: Instant;
  /** Further detail under the line, e.g. a note excerpt or a diff. */
  detail?: ReactNode;
  /** Colours the marker: a block or an error in danger, an approval in success. */
  tone?: Tone;
  /** Marks actors that are not people ("agent", "system"). */
  actorKind?: "person" | "agent" | "system";
};

export type ActivityListProps = {
  items: readonly ActivityItem[];
  now?: Instant;
  /** Shown when there are no items. */
  empty?: ReactNode;
  label?: string;
};

/** Vertical timeline of who did what when, newest first as given. */
export function ActivityList({
  items,
  now = new Date(),
  empty = "No activity yet.",
  label = "Activity",
}: ActivityListProps) {
  const nowDate = toDate(now, "now");
  if (items.length === 0) return <p className="ab-activity__empty">{empty}</p>;
  return (
    <ol className="ab-activity" aria-label={label}>
      {items.map((item) => {
        const at = toDate(item.at, `items[${item.id}].at`);
        return (
          <li key={item.id} className={`ab-activity__item ab-activity__item--${item.tone ?? "neutral"}`}>
            <span
              className={`ab-activity__avatar ab-activity__avatar--${item.actorKind ?? "person"}`}
              aria-hidden="true"
            >
              {item.actorKind === "agent" ? "AI" : item.actorKind === "system" ? "⚙" : initials(item.actor)}
            </span>
            <div className="ab-activity__body">
              <p className="ab-activity__line">
                <strong className="ab-activity__actor">{item.actor}</strong> {item.action}
                {item.target ? (
                  <>
                    {" "}
                    {item.href ? (
                      <a href={item.href} className="ab-activity__target">
                        {item.target}
                      </a>
                    ) : (
                      <span className="ab-activity__target">{item.target}</span>
                    )}
                  </>
                ) : null}
              </p>
              {item.detail ? <div className="ab-activity__detail">{item.detail}</div> : null}
              <time className="ab-activity__time" dateTime={at.toISOString()} title={formatTimestamp(at)}>
                {formatRelative(at, nowDate)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

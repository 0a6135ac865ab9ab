import { ageLabel, slaStanding } from "@appbase/queue/sla";
import { StatusBadge } from "@appbase/ui/badges";

const TONES = {
  "on-track": "success",
  "due-soon": "warning",
  breached: "danger",
  met: "success",
  missed: "danger",
  none: "neutral",
} as const;
const LABELS = {
  "on-track": "On track",
  "due-soon": "Due soon",
  breached: "Breached",
  met: "Met SLA",
  missed: "Missed SLA",
  none: "No SLA",
} as const;

/** Age and SLA standing of an alert: "5h · Due soon". */
export function SlaBadge(props: { createdAt: Date; dueAt: Date | null; closedAt: Date | null; now: Date }) {
  const standing = slaStanding(props, props.now);
  return (
    <StatusBadge
      tone={TONES[standing.state]}
      title={props.dueAt ? `Due ${props.dueAt.toISOString()}` : undefined}
    >
      {ageLabel(standing.ageMs)} · {LABELS[standing.state]}
    </StatusBadge>
  );
}

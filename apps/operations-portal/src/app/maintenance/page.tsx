import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { GeneratePmButton } from "../../components/generate-pm-button.tsx";
import { maintenanceCalendar } from "../../domain/maintenance/calendar.ts";
import { listSchedules } from "../../domain/maintenance/schedules.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

const DAY = 86_400_000;

function monthOf(param: string | undefined, now: Date): Date {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(param ?? "");
  return m
    ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
const monthParam = (d: Date) => d.toISOString().slice(0, 7);

/** Preventive maintenance on a month calendar: generated orders and projected occurrences. */
export default async function MaintenancePage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string }>;
}) {
  const viewer = await pageViewer("work-order.read", "maintenance");
  if (!viewer.identity) return viewer.refusal;
  const now = new Date();
  const month = monthOf((await searchParams).month, now);
  const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  const prev = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 1, 1));
  // The grid runs Monday to Sunday around the month.
  const start = new Date(month.getTime() - ((month.getUTCDay() + 6) % 7) * DAY);
  const end = new Date(next.getTime() + ((7 - ((next.getUTCDay() + 6) % 7)) % 7) * DAY);
  const pool = await db();
  const [entries, schedules] = await Promise.all([
    maintenanceCalendar(pool, start, end),
    listSchedules(pool),
  ]);
  const days: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += DAY) days.push(new Date(t));
  const today = now.toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Maintenance calendar"
        description="Preventive work orders on their due day; italics are occurrences not generated yet (they open within each schedule's lead time)."
        actions={can(viewer.identity, "maintenance.plan") ? <GeneratePmButton /> : null}
      />
      <div className="op-row" style={{ marginBottom: "0.75rem" }}>
        <Link className="ab-button ab-button--secondary" href={`/maintenance?month=${monthParam(prev)}`}>
          ← {monthParam(prev)}
        </Link>
        <strong>{month.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}</strong>
        <Link className="ab-button ab-button--secondary" href={`/maintenance?month=${monthParam(next)}`}>
          {monthParam(next)} →
        </Link>
      </div>
      <section className="op-calendar" aria-label="Maintenance calendar">
        {days.map((d) => {
          const key = d.toISOString().slice(0, 10);
          const items = entries.filter((e) => e.day === key);
          const classes = [
            "op-calendar__day",
            d.getUTCMonth() !== month.getUTCMonth() ? "op-calendar__day--other" : "",
            key === today ? "op-calendar__day--today" : "",
          ];
          return (
            <div key={key} className={classes.join(" ")} data-day={key}>
              <div className="op-calendar__date">{d.getUTCDate()}</div>
              {items.slice(0, 5).map((e, i) =>
                e.workOrderId ? (
                  <Link
                    key={e.workOrderId}
                    className="op-calendar__item"
                    href={`/work-orders/${e.workOrderId}`}
                    title={`${e.title} · ${e.assetId} · ${e.status}`}
                  >
                    {e.status === "complete" ? "✓ " : ""}
                    {e.assetId} {e.title}
                  </Link>
                ) : (
                  <span
                    key={`p-${i}`}
                    className="op-calendar__item op-calendar__item--projected"
                    title="Projected occurrence"
                  >
                    {e.title} (every {e.assetType.replace("_", " ")})
                  </span>
                ),
              )}
              {items.length > 5 ? <span className="op-muted">+{items.length - 5} more</span> : null}
            </div>
          );
        })}
      </section>
      <Card title="Schedules" subtitle="Per asset class">
        <ul className="op-checklist">
          {schedules.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> — every {s.assetType.replace("_", " ")};{" "}
              {s.trigger === "time"
                ? `every ${s.intervalDays} days from ${s.anchorOn}`
                : `every ${s.intervalHours} run hours`}
              , opened {s.leadDays} days ahead, {s.priority} priority
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

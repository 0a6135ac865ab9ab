import { ActivityList } from "../../src/activity/index.ts";
import {
  ButtonLink,
  ConflictNotice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../src/forms/index.ts";
import { QueueList } from "../../src/queue/index.ts";
import { EmptyState, ErrorState, LoadingSkeleton } from "../../src/states/index.ts";
import { minutesAgo, NOW } from "./sample-data.ts";
import { Section } from "./section.tsx";

/** Queue, activity, forms and states. */
export function WorkSections() {
  return (
    <>
      <Section title="Queue and activity">
        <div className="ab-grid" style={{ gridTemplateColumns: "3fr 2fr", alignItems: "start" }}>
          <QueueList
            now={NOW}
            currentUser="Marcus Lee"
            items={[
              {
                id: "AL-2291",
                title: "Velocity spike on card ending 4471",
                href: "#",
                status: { label: "Open", tone: "danger" },
                priority: "critical",
                createdAt: minutesAgo(7),
                meta: "Score 0.97",
              },
              {
                id: "AL-2288",
                title: "Sanctions list near-match: Orion Trading LLC",
                href: "#",
                status: { label: "Investigating", tone: "info" },
                priority: "high",
                claimedBy: "Marcus Lee",
                leaseExpiresAt: new Date(NOW.getTime() + 11 * 60_000),
                createdAt: minutesAgo(55),
                meta: "Score 0.88",
              },
              {
                id: "AL-2280",
                title: "Dormant account reactivated with large transfer",
                href: "#",
                status: { label: "Investigating", tone: "info" },
                priority: "medium",
                claimedBy: "Priya Raman",
                leaseExpiresAt: minutesAgo(3),
                createdAt: minutesAgo(140),
                meta: "Score 0.71",
              },
              {
                id: "AL-2275",
                title: "Address change followed by card reissue",
                href: "#",
                status: { label: "Snoozed", tone: "neutral" },
                priority: "low",
                createdAt: minutesAgo(400),
              },
            ]}
            renderActions={(item) => (item.claimedBy ? null : <ButtonLink href="#">Claim</ButtonLink>)}
          />
          <div className="ab-card">
            <ActivityList
              now={NOW}
              items={[
                {
                  id: "1",
                  actor: "Marcus Lee",
                  action: "claimed",
                  target: "AL-2288",
                  href: "#",
                  at: minutesAgo(2),
                },
                {
                  id: "2",
                  actor: "Triage agent",
                  actorKind: "agent",
                  action: "proposed block_and_review for",
                  target: "AL-2291",
                  at: minutesAgo(6),
                  detail: "Tool call: lookup_velocity(card=••••4471) → 14 txns / 5 min",
                  tone: "warning",
                },
                {
                  id: "3",
                  actor: "Priya Raman",
                  action: "approved decision on",
                  target: "case C-1042",
                  at: minutesAgo(48),
                  tone: "success",
                },
                {
                  id: "4",
                  actor: "Synced Tables",
                  actorKind: "system",
                  action: "refreshed",
                  target: "risk_scores",
                  at: minutesAgo(61),
                },
              ]}
            />
          </div>
        </div>
      </Section>
      <Section title="Forms">
        <div className="ab-grid">
          <form className="ab-card" action="#">
            <TextField name="title" label="Title" defaultValue="Follow up on renewal" required />
            <SelectField
              name="status"
              label="Status"
              placeholder="Choose a status…"
              defaultValue=""
              error="status: choose one of Open, Waiting, Done."
              options={[
                { value: "open", label: "Open" },
                { value: "waiting", label: "Waiting" },
                { value: "done", label: "Done" },
              ]}
            />
            <TextAreaField
              name="body"
              label="Note"
              maxLength={280}
              hint="Visible to everyone with customer.notes.read."
              defaultValue="Customer asked for a call next week about the enterprise tier; send pricing beforehand."
            />
            <SubmitButton pendingLabel="Saving…">Save note</SubmitButton>
          </form>
          <div className="ab-stack">
            <ConflictNotice
              now={NOW}
              theirVersion={8}
              theirUpdatedBy="Priya Raman"
              theirUpdatedAt={minutesAgo(1)}
              reloadHref="#"
              changes={[{ field: "Status", theirs: "Waiting", mine: "Done" }]}
              overwrite={{ action: "#", fields: { status: "done" } }}
            />
            <div className="ab-card">
              <LoadingSkeleton variant="table" rows={3} />
            </div>
          </div>
        </div>
      </Section>
      <Section title="States">
        <div className="ab-grid">
          <div className="ab-card">
            <EmptyState
              title="No notes yet"
              description="Notes you and your team add to this customer appear here."
              action={{ href: "#", label: "Add a note" }}
            />
          </div>
          <div className="ab-card">
            <ErrorState
              message={
                <>
                  Could not read <code>app.customer_notes</code>: permission denied for role analyst. Ask an
                  admin to grant customer.notes.read.
                </>
              }
              retryHref="#"
              reference="req_7f3a91"
            />
          </div>
          <div className="ab-card">
            <LoadingSkeleton variant="card" rows={4} />
          </div>
        </div>
      </Section>
    </>
  );
}

import { type QueueItem, QueueList } from "@appbase/ui/queue";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { LiveRefresh } from "../../components/live-refresh.tsx";
import { ReviewControls } from "../../components/review-controls.tsx";
import { queueForeignInterrupts } from "../../domain/checkpoints/checkpoint-interrupts.ts";
import { queueVersion } from "../../domain/checkpoints/live-version.ts";
import {
  type AssessmentHandoff,
  handoffStatusLine,
  handoffsOf,
} from "../../domain/evaluation/assessment-handoff.ts";
import { listReviewItems } from "../../domain/queue/queue.ts";
import type { ReviewItem } from "../../domain/queue/review-item.ts";
import { kitThreadIds } from "../../domain/runs/runs.ts";
import { boundCheckpointSchemas } from "../../server/checkpoints.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

export const dynamic = "force-dynamic";

const STATUS_TONE = { pending: "warning", claimed: "info", decided: "success" } as const;

type ArgValue = string | number | boolean;

/** The plain arguments of a paused call, which a reviewer may edit (lists and objects stay as proposed). */
function editableArgs(item: ReviewItem): Record<string, ArgValue> | undefined {
  if (item.source !== "interrupt") return undefined;
  const args = (item.payload as { args?: Record<string, unknown> } | null)?.args ?? {};
  const plain = Object.entries(args).filter((entry): entry is [string, ArgValue] =>
    ["string", "number", "boolean"].includes(typeof entry[1]),
  );
  return plain.length > 0 ? Object.fromEntries(plain) : undefined;
}

/** Where a decision's MLflow assessment is, for decided items. */
function HandoffNote(props: { handoff: AssessmentHandoff | undefined }) {
  if (!props.handoff) return null;
  return <span className="ab-muted"> · MLflow: {handoffStatusLine(props.handoff)}</span>;
}

/** The review queue: interrupts and rule hits, claimed with a lease, decided with a rationale. */
export default async function QueuePage() {
  const { identity, refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const pool = await db();
  // Interrupts of other programs' threads enter the queue on every read (idempotent per interrupt).
  await queueForeignInterrupts(pool, (await boundCheckpointSchemas(pool)).schemas);
  // Read before the items, so a change made after this render makes the live refresh re-render it.
  const version = await queueVersion(pool);
  const items = await listReviewItems(pool, {
    viewer: identity.email,
    seeAll: can(identity, "review.read-all"),
  });
  const kitThreads = await kitThreadIds(
    pool,
    items.filter((i) => i.source === "interrupt").map((i) => i.threadId),
  );
  const byId = new Map<string, ReviewItem>(items.map((i) => [i.id, i]));
  const decidedIds = items.filter((i) => i.status === "decided").map((i) => i.id);
  const handoffs = new Map(
    (decidedIds.length > 0 ? await handoffsOf(await db(), decidedIds) : []).map((h) => [h.reviewItemId, h]),
  );
  const now = new Date();
  const queueItems: QueueItem[] = items.map((i) => ({
    id: i.id,
    title: i.title,
    status: {
      label: i.status === "decided" ? `decided: ${i.decision}` : i.status,
      tone: STATUS_TONE[i.status],
    },
    priority: i.priority <= 50 ? "high" : "medium",
    claimedBy: i.status === "claimed" ? i.claimedBy : null,
    leaseExpiresAt: i.status === "claimed" ? i.leaseExpiresAt : null,
    createdAt: i.createdAt,
    meta: (
      <>
        {i.source} · <Link href={`/threads/${encodeURIComponent(i.threadId)}`}>{i.threadId}</Link>
        {i.source === "interrupt" && !kitThreads.has(i.threadId) ? (
          <span data-testid="resumed-by">
            {" "}
            · resumed by its own program (it reads the decision from agent_ops.interrupt_decision)
          </span>
        ) : null}
        {i.rationale ? ` · “${i.rationale}” by ${i.decidedBy}` : ""}
        <HandoffNote handoff={handoffs.get(i.id)} />
      </>
    ),
  }));
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Agent interrupts of every thread in the checkpoint schemas, and rule hits (tool errors, policy flags). Claim an item to review it; a claim expires after 15 minutes. The list follows other reviewers' claims and decisions as they happen."
      />
      <LiveRefresh src="/api/live" version={version} />
      <QueueList
        label="Review queue"
        items={queueItems}
        now={now}
        currentUser={identity.email}
        empty="Nothing to review. Start a demo run from Threads."
        renderActions={(q) => {
          const item = byId.get(q.id);
          if (!item || item.status === "decided") return null;
          const live = item.status === "claimed" && (item.leaseExpiresAt?.getTime() ?? 0) > now.getTime();
          return (
            <ReviewControls
              itemId={item.id}
              version={item.version}
              heldByViewer={live && item.claimedBy === identity.email}
              canClaim={can(identity, "review.claim") && !(live && item.claimedBy === identity.email)}
              canDecide={can(identity, "review.decide")}
              {...(editableArgs(item) ? { editableArgs: editableArgs(item) } : {})}
            />
          );
        }}
      />
    </>
  );
}

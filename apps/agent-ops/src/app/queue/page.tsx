import { type QueueItem, QueueList } from "@appbase/ui/queue";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { ReviewControls } from "../../components/review-controls.tsx";
import {
  type AssessmentHandoff,
  handoffStatusLine,
  handoffsOf,
} from "../../domain/evaluation/assessment-handoff.ts";
import { listReviewItems } from "../../domain/queue/queue.ts";
import type { ReviewItem } from "../../domain/queue/review-item.ts";
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
  const items = await listReviewItems(await db(), {
    viewer: identity.email,
    seeAll: can(identity, "review.read-all"),
  });
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
        {i.source} · <Link href={`/threads/${i.threadId}`}>{i.threadId}</Link>
        {i.rationale ? ` · “${i.rationale}” by ${i.decidedBy}` : ""}
        <HandoffNote handoff={handoffs.get(i.id)} />
      </>
    ),
  }));
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Agent interrupts and rule hits (tool errors, policy flags). Claim an item to review it; a claim expires after 15 minutes."
      />
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

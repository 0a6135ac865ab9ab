import { type QueueItem, QueueList } from "@appbase/ui/queue";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { ReviewControls } from "../../components/review-controls.tsx";
import { listReviewItems } from "../../domain/queue/queue.ts";
import type { ReviewItem } from "../../domain/queue/review-item.ts";
import { db } from "../../server/db.ts";
import { can } from "../../server/kit.ts";
import { runReader } from "../../server/page-identity.tsx";

export const dynamic = "force-dynamic";

const STATUS_TONE = { pending: "warning", claimed: "info", decided: "success" } as const;

/** The review queue: interrupts and rule hits, claimed with a lease, decided with a rationale. */
export default async function QueuePage() {
  const { identity, refusal } = await runReader();
  if (refusal) return refusal;
  const items = await listReviewItems(await db(), {
    viewer: identity.email,
    seeAll: can(identity, "review.read-all"),
  });
  const byId = new Map<string, ReviewItem>(items.map((i) => [i.id, i]));
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
            />
          );
        }}
      />
    </>
  );
}

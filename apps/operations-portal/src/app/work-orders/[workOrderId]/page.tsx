import { NotFoundError } from "@appbase/next-kit/errors";
import { AgentProvenance } from "@appbase/next-kit/kit-link";
import { Card, DetailList } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import Link from "next/link";
import { AssignForm } from "../../../components/assign-form.tsx";
import { ChecklistPanel } from "../../../components/checklist-panel.tsx";
import { HistoryTable } from "../../../components/history-table.tsx";
import { TransitionForm } from "../../../components/transition-form.tsx";
import { WorkLogForm } from "../../../components/work-log-form.tsx";
import { PriorityBadge, TargetBadge, WorkOrderStatusBadge } from "../../../components/work-order-badges.tsx";
import { threadOfWorkOrder } from "../../../domain/agent-handoff/agent-work-order.ts";
import { listChecklist } from "../../../domain/work-orders/checklist.ts";
import { workOrderHistory } from "../../../domain/work-orders/history.ts";
import { OPEN_STATUSES, STATUS_LABELS, TRANSITIONS } from "../../../domain/work-orders/lifecycle.ts";
import { listTechnicians } from "../../../domain/work-orders/technicians.ts";
import { listWorkLog } from "../../../domain/work-orders/work-log.ts";
import { getWorkOrder, workOrderLabel } from "../../../domain/work-orders/work-order.ts";
import { can, db, pageViewer } from "../../../server/kit.ts";
import { linkTo } from "../../../server/links.ts";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

export default async function WorkOrderPage({ params }: { params: Promise<{ workOrderId: string }> }) {
  const viewer = await pageViewer("work-order.read", "work orders");
  if (!viewer.identity) return viewer.refusal;
  const { workOrderId } = await params;
  const pool = await db();
  const order = await getWorkOrder(pool, viewer.identity, workOrderId).catch((e: unknown) => {
    if (e instanceof NotFoundError || (e as { code?: string }).code === "22P02") return null;
    throw e;
  });
  if (!order)
    return (
      <ErrorState
        title="No such work order"
        message="It does not exist or is not assigned to you. Go back to the work-order list."
      />
    );
  const [steps, log, history, technicians, agentThread] = await Promise.all([
    listChecklist(pool, order.id),
    listWorkLog(pool, order.id),
    workOrderHistory(pool, order.id),
    listTechnicians(pool),
    threadOfWorkOrder(pool, order.id),
  ]);
  // An order an agent proposed (its alert was handed to Agent Ops) links back to that thread.
  const threadLink = agentThread
    ? await linkTo({ kit: agentThread.agentKit, entity: "thread", id: agentThread.threadId })
    : null;
  const now = new Date();
  const isOpen = OPEN_STATUSES.includes(order.status);
  const canUpdate = can(viewer.identity, "work-order.update");
  const assignee = technicians.find((t) => t.id === order.assigneeId);
  return (
    <>
      <PageHeader
        title={`${workOrderLabel(order)} · ${order.title}`}
        description={
          <span className="op-row">
            <WorkOrderStatusBadge status={order.status} />
            <PriorityBadge priority={order.priority} />
            <TargetBadge order={order} now={now} />
            <span className="op-muted">version {order.version}</span>
          </span>
        }
      />
      {agentThread && threadLink ? (
        <AgentProvenance
          label="Proposed by an agent"
          lead="Proposed by an agent and approved in review"
          thread={threadLink}
          threadId={agentThread.threadId}
        />
      ) : null}
      <div className="op-grid">
        <Card title="Details">
          <DetailList
            items={[
              { label: "Asset", value: <Link href={`/assets/${order.assetId}`}>{order.assetId}</Link> },
              { label: "Site", value: order.siteId },
              { label: "Kind", value: order.kind },
              { label: "Assignee", value: assignee?.displayName ?? order.assigneeId ?? "unassigned" },
              { label: "Opened", value: when(order.openedAt) },
              { label: "Respond by", value: when(order.responseDueAt) },
              { label: "Complete by", value: when(order.completionDueAt) },
              { label: "Started", value: when(order.startedAt) },
              { label: "Completed", value: when(order.completedAt) },
              { label: "Time on hold", value: `${Math.round(order.holdSeconds / 60)} min` },
              ...(order.holdReason ? [{ label: "On hold because", value: order.holdReason }] : []),
              ...(order.cancelReason ? [{ label: "Cancelled because", value: order.cancelReason }] : []),
              ...(order.source ? [{ label: "Source", value: order.source }] : []),
              ...(order.description ? [{ label: "Description", value: order.description }] : []),
            ]}
          />
        </Card>
        <Card
          title="Lifecycle"
          subtitle={
            isOpen ? `Next: ${TRANSITIONS[order.status].map((s) => STATUS_LABELS[s]).join(" or ")}` : "Closed"
          }
        >
          {canUpdate && isOpen ? (
            <TransitionForm
              workOrderId={order.id}
              status={order.status}
              version={order.version}
              next={TRANSITIONS[order.status]}
            />
          ) : (
            <p className="op-muted">
              {isOpen
                ? "Your role cannot move work orders (needs work-order.update)."
                : "This work order is closed."}
            </p>
          )}
        </Card>
        {can(viewer.identity, "work-order.assign") && isOpen ? (
          <Card title="Planning">
            <AssignForm
              workOrderId={order.id}
              version={order.version}
              assigneeId={order.assigneeId}
              priority={order.priority}
              technicians={technicians.map((t) => ({ id: t.id, displayName: t.displayName }))}
            />
          </Card>
        ) : null}
        <Card title="Checklist">
          <ChecklistPanel
            workOrderId={order.id}
            steps={steps.map((s) => ({ id: s.id, label: s.label, done: s.done, doneBy: s.doneBy }))}
            editable={canUpdate && isOpen}
          />
        </Card>
        <Card title="Parts and time">
          {log.length === 0 ? (
            <p className="op-muted">Nothing recorded yet.</p>
          ) : (
            <ul className="op-checklist">
              {log.map((l) => (
                <li key={l.id}>
                  {l.entry === "part" ? `${l.quantity} × ${l.partNumber}` : `${l.minutes} min`}
                  {l.note ? ` — ${l.note}` : ""} <span className="op-muted">({l.recordedBy})</span>
                </li>
              ))}
            </ul>
          )}
          {canUpdate && isOpen ? <WorkLogForm workOrderId={order.id} /> : null}
        </Card>
      </div>
      <Card title="History" subtitle="Who changed what, newest first">
        <HistoryTable entries={history} />
      </Card>
    </>
  );
}

import { type TransactionalDb as Database, inTransaction } from "@appbase/db";
import type { GovernanceWriter } from "@appbase/lakehouse/governance";
import { FieldRuleError } from "@appbase/next-kit/errors";
import { decides, decisionRow, recordDecision } from "./case-decisions.ts";
import { type CaseMove, type Disposition, needsFourEyes, STATUS_LABELS, TRANSITIONS } from "./lifecycle.ts";
import { type CaseChanges, caseLabel, changeCase, lockCase, type RiskCase, staleCase } from "./risk-case.ts";

export interface CaseMoveInput {
  caseId: string;
  expectedVersion: number;
  actor: string;
  move: CaseMove;
  /** For `propose` and `close`. */
  disposition?: Disposition;
  /** Why: the rationale for `propose`/`close`, the reason for `sendBack`/`reopen`. */
  note?: string;
  at?: Date;
}

function requireNote(input: CaseMoveInput, what: string): string {
  const note = input.note?.trim() ?? "";
  if (note.length < 3) throw new FieldRuleError("note", `Say ${what} (at least 3 characters).`);
  return note;
}

function requireDisposition(input: CaseMoveInput): Disposition {
  if (!input.disposition) throw new FieldRuleError("disposition", "Choose a disposition.");
  return input.disposition;
}

/** The changes one move makes to a case, or a FieldRuleError saying why it is not allowed. */
export function planMove(kase: RiskCase, input: CaseMoveInput, at: Date): CaseChanges {
  const rule = TRANSITIONS[input.move];
  if (!(rule.from as readonly string[]).includes(kase.status)) {
    throw new FieldRuleError(
      "move",
      `${caseLabel(kase)} is ${STATUS_LABELS[kase.status as keyof typeof STATUS_LABELS]}; it cannot ${input.move === "sendBack" ? "be sent back" : input.move} from there.`,
    );
  }
  const clearProposal = {
    proposed_disposition: null,
    proposal_rationale: null,
    proposed_by: null,
    proposed_at: null,
  };
  switch (input.move) {
    case "start":
      return { status: rule.to, assignee: kase.assignee ?? input.actor };
    case "propose":
      return {
        status: rule.to,
        proposed_disposition: requireDisposition(input),
        proposal_rationale: requireNote(input, "why this disposition"),
        proposed_by: input.actor,
        proposed_at: at,
      };
    case "sendBack":
      requireNote(input, "what is still missing");
      return { status: rule.to, ...clearProposal };
    case "approve": {
      if (input.actor === kase.proposedBy) {
        throw new FieldRuleError(
          "move",
          "You proposed this closure; a second reviewer must approve it (four-eyes).",
        );
      }
      return {
        status: rule.to,
        disposition: kase.proposedDisposition,
        closed_by: input.actor,
        closed_at: at,
      };
    }
    case "close": {
      if (needsFourEyes(kase.riskLevel as "high")) {
        throw new FieldRuleError(
          "move",
          `${caseLabel(kase)} is ${kase.riskLevel} risk: propose the closure, and a second reviewer approves it.`,
        );
      }
      return {
        status: rule.to,
        disposition: requireDisposition(input),
        proposal_rationale: requireNote(input, "why this disposition"),
        closed_by: input.actor,
        closed_at: at,
      };
    }
    case "reopen":
      requireNote(input, "why the case is reopened");
      return {
        status: rule.to,
        disposition: null,
        closed_by: null,
        closed_at: null,
        reopen_count: kase.reopenCount + 1,
        ...clearProposal,
      };
  }
}

/**
 * Where a deciding move's disposition goes: the Governance Writer (main), nowhere yet because the
 * move is on a review branch and is replayed through the writer when the branch is applied
 * (`ON_REVIEW_BRANCH`), or null when the lakehouse is unavailable (deciding moves are refused).
 */
export type DecisionRecording = { writer: GovernanceWriter } | typeof ON_REVIEW_BRANCH | null;
export const ON_REVIEW_BRANCH = "on-review-branch";

/**
 * Moves a case through its lifecycle at the version the actor saw, auditing every field it
 * changes (and the note, for moves that carry one). A move that decides the disposition (close,
 * approve, reopen) then goes through the Governance Writer; when silver refuses it, the move is
 * reverted (audited as such) and the error says nothing was saved.
 */
export async function moveCase(
  db: Database,
  input: CaseMoveInput,
  governance: DecisionRecording,
): Promise<RiskCase> {
  const decision = decides(input.move);
  if (decision && !governance) {
    throw new FieldRuleError(
      "move",
      "Case decisions are governed, and the lakehouse holding them is not available; try again once it is bound or running.",
    );
  }
  const note = input.note?.trim();
  // The writer serves Lakebase on its own connection, so it runs after the case commits (an open
  // transaction would hold the embedded Lakebase's only connection); the case row's version
  // already lets one decision through at a time.
  const { before, after, changes } = await inTransaction(db, async (tx) => {
    const at = input.at ?? new Date();
    const kase = await lockCase(tx, input.caseId);
    // Judge the move against the case the user saw, not one that moved on since.
    if (kase.version !== input.expectedVersion) throw staleCase(kase, input.expectedVersion);
    const planned = planMove(kase, input, at);
    const moved = await changeCase(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: input.actor,
      action: input.move,
      changes: planned,
      at,
      extra:
        note && (input.move === "sendBack" || input.move === "reopen")
          ? [{ action: input.move, field: "note", newValue: note }]
          : [],
    });
    return { before: kase, after: moved, changes: planned };
  });
  if (!decision || governance === null || governance === ON_REVIEW_BRANCH) return after;
  try {
    await recordDecision(governance.writer, decisionRow(before, after, input.move, note));
    return after;
  } catch (error) {
    await revertMove(db, { before, after, changes, actor: input.actor, reason: (error as Error).message });
    throw error;
  }
}

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Puts back what a move changed (its decision was not recorded), as one more audited change. */
async function revertMove(
  db: Database,
  input: { before: RiskCase; after: RiskCase; changes: CaseChanges; actor: string; reason: string },
): Promise<void> {
  const previous = Object.fromEntries(
    Object.keys(input.changes).map((c) => [c, input.before[camel(c) as keyof RiskCase] ?? null]),
  ) as CaseChanges;
  await inTransaction(db, (tx) =>
    changeCase(tx, {
      caseId: input.after.id,
      expectedVersion: input.after.version,
      actor: input.actor,
      action: "revert",
      changes: previous,
      extra: [{ action: "revert", field: "note", newValue: `Decision not recorded: ${input.reason}` }],
    }),
  );
}

import { FieldRuleError } from "@appbase/next-kit/errors";
import { type Database, inTransaction } from "../../db/transaction.ts";
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
 * Moves a case through its lifecycle at the version the actor saw, auditing every field it
 * changes (and the note, for moves that carry one).
 */
export async function moveCase(db: Database, input: CaseMoveInput): Promise<RiskCase> {
  return inTransaction(db, async (tx) => {
    const at = input.at ?? new Date();
    const kase = await lockCase(tx, input.caseId);
    // Judge the move against the case the user saw, not one that moved on since.
    if (kase.version !== input.expectedVersion) throw staleCase(kase, input.expectedVersion);
    const changes = planMove(kase, input, at);
    const note = input.note?.trim();
    return changeCase(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: input.actor,
      action: input.move,
      changes,
      at,
      extra:
        note && (input.move === "sendBack" || input.move === "reopen")
          ? [{ action: input.move, field: "note", newValue: note }]
          : [],
    });
  });
}

// POST /api/intake/triage: another kit's agent files a human-approved triage outcome (Agent Ops'
// risk-triage agent). The caller is an app (its service principal; locally its app user), never a person.
import { triageFilingInput } from "../../../../domain/intake/triage-input.ts";
import { fileTriage } from "../../../../domain/intake/triage-intake.ts";
import { db, defineRoute } from "../../../../server/kit.ts";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "case.intake",
  input: triageFilingInput,
  handler: async (input, { identity }) => fileTriage(await db(), input, identity.email),
});

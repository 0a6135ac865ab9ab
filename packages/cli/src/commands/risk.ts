import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createPool } from "@appbase/db";
import type { Command } from "commander";
import type pg from "pg";
import { z } from "zod";
import { CliError, findRepoRoot } from "../repo.ts";

/** What the Risk & Compliance kit's verifier module gives (apps/risk-compliance/src/domain/audit/verify-audit.ts). */
const verifierModule = z.object({
  verifyAudit: z.custom<(db: pg.Pool, options: { caseId?: string }) => Promise<unknown>>(
    (v) => typeof v === "function",
  ),
});
const verification = z.object({
  ok: z.boolean(),
  casesChecked: z.number(),
  eventsChecked: z.number(),
  breaks: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.number(),
      eventId: z.number().nullable(),
      seq: z.number(),
      reason: z.string(),
    }),
  ),
});
export type AuditVerification = z.infer<typeof verification>;

// The CLI never imports a kit statically (packages do not depend on apps); it loads the kit's
// verifier by path, as it loads kit.ts, so `appbase` and the kit's audit badge share one algorithm.
async function loadVerifier(repoRoot: string) {
  const file = join(repoRoot, "apps", "risk-compliance", "src", "domain", "audit", "verify-audit.ts");
  const loaded = verifierModule.safeParse(await import(pathToFileURL(file).href).catch(() => null));
  if (!loaded.success)
    throw new CliError(`The Risk & Compliance kit's audit verifier is missing at ${file}.`);
  return async (pool: pg.Pool, caseId?: string) =>
    verification.parse(await loaded.data.verifyAudit(pool, { caseId }));
}

/** One line per broken case; the first broken row names the event id and its place in the chain. */
export function describeVerification(result: AuditVerification): string[] {
  const head = `${result.ok ? "✔ audit chain verifies" : "✘ audit chain broken"}: ${result.casesChecked} case(s), ${result.eventsChecked} event(s) checked`;
  return [
    head,
    ...result.breaks.map(
      (b) =>
        `  CASE-${b.caseNumber} (${b.caseId}): breaks at event #${b.seq}${b.eventId === null ? "" : ` (audit_event id ${b.eventId})`}: ${b.reason}`,
    ),
  ];
}

/** `appbase risk verify-audit [--case <id>] [--json]`: recomputes the case audit hash chains; exit 1 when one breaks. */
export function registerRiskCommands(program: Command): void {
  const risk = program.command("risk").description("Real-Time Risk & Compliance Engine tools");
  risk
    .command("verify-audit")
    .description(
      "recompute every case's hash-chained audit trail and name the first broken row (exit 1 if any)",
    )
    .option("--case <id>", "only this case (its uuid)")
    .option("--json", "print JSON")
    .action(async (o: { case?: string; json?: boolean }) => {
      if (o.case !== undefined && !z.uuid().safeParse(o.case).success) {
        throw new CliError(`--case must be a case id (a uuid such as 3f2b…-…), got "${o.case}".`);
      }
      const verify = await loadVerifier(findRepoRoot());
      const db = await createPool({ env: process.env, applicationName: "appbase-risk" }).catch(
        (error: Error) => {
          throw new CliError(error.message);
        },
      );
      try {
        const result = await verify(db.pool, o.case);
        console.log(o.json ? JSON.stringify(result, null, 2) : describeVerification(result).join("\n"));
        if (!result.ok) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}

import type { VerifyReport } from "./verify.ts";

/** Human-readable verify output: one line per drift item plus the SQL that fixes it. */
export function formatVerifyReport(report: VerifyReport): string {
  const head = `${report.kit}: checked ${report.checked.roles} roles, ${report.checked.schemas} schemas, ${report.checked.tables} tables`;
  if (report.drift.length === 0) return `${head}: no drift.`;
  const lines = report.drift.map(
    (d) => `  ${d.kind.padEnd(18)} ${d.object}: ${d.detail}\n  ${" ".repeat(18)} fix: ${d.fix}`,
  );
  return `${head}: ${report.drift.length} drift item(s)\n${lines.join("\n")}`;
}

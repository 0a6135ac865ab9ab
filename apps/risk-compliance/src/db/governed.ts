import { type GovernedTable, governedTable } from "@appbase/lakehouse/governance";
import { caseDecision } from "./schema/case-decision.ts";

// Silver lives in the lakehouse schema the grant matrix gives the app MODIFY and CREATE_TABLE on
// (`risk_compliance`, "governed case decisions, audit evidence, policy documents").

/** Case dispositions: silver is the authority, Lakebase serves reads, bronze keeps every decision. */
export const governedCaseDecision = governedTable(caseDecision, {
  silver: "appbase.risk_compliance.case_decision",
  bronze: "appbase.risk_compliance.case_decision_events",
  versionColumn: "version",
});

/** Every governed table of the kit; the CLI (`appbase up`, `appbase governance …`) reads it from kit.ts. */
export const governedTables: readonly GovernedTable[] = [governedCaseDecision];

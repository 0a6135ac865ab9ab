"use client";

import { PreviewDecision } from "@appbase/next-kit/preview-decision";
import { applyStatusMigrationAction, discardStatusMigrationAction } from "../actions/status-migrations.ts";

/** Apply on main or discard a previewed status migration; after apply, who moved and who conflicted. */
export function StatusMigrationDecision(props: { branch: string }) {
  return (
    <PreviewDecision
      branch={props.branch}
      apply={applyStatusMigrationAction}
      discard={discardStatusMigrationAction}
      describe={(outcome) => ({
        summary: `Applied on main to ${outcome.moved.length} customer(s); the branch is deleted.`,
        conflicts: outcome.conflicts.map((c) => ({
          key: c.customerId,
          label: c.customerId,
          reason: c.reason,
        })),
      })}
      back={{ href: "/status-migrations", label: "Back to status migrations" }}
    />
  );
}

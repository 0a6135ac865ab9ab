"use client";

import { useState, useTransition } from "react";
import { exportAuditAction } from "../actions/audit.ts";

/** Downloads the audit trail as CSV (the server checks audit.export). */
export function AuditExportButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const download = () =>
    start(async () => {
      const result = await exportAuditAction({});
      if (!result.ok) return setError(result.error.message);
      setError(null);
      const url = URL.createObjectURL(new Blob([result.data.csv], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = result.data.fileName;
      a.click();
      URL.revokeObjectURL(url);
    });
  return (
    <div className="rc-form">
      <button className="ab-button" type="button" onClick={download} disabled={pending}>
        {pending ? "Preparing…" : "Export audit trail (CSV)"}
      </button>
      {error && (
        <p className="rc-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

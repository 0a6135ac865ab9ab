import "server-only";
import { tmpdir } from "node:os";
import path from "node:path";
import { appWorkspaceClient, files } from "@appbase/databricks";
import { type EvidenceStore, localFolderStore, volumeStore } from "../domain/evidence/evidence-store.ts";
import { lakehouseEnv } from "../lakehouse-env.ts";
import { serverEnv } from "./kit.ts";

/**
 * Where uploaded evidence files go: the bound Unity Catalog volume (EVIDENCE_VOLUME) as the app's
 * service principal; otherwise a local folder beside the local lakehouse (`<stateDir>/evidence`),
 * or the temp folder when there is none.
 */
export function kitEvidenceStore(): EvidenceStore {
  const env = serverEnv();
  if (env.EVIDENCE_VOLUME) return volumeStore(files(appWorkspaceClient(env)), env.EVIDENCE_VOLUME);
  const lakehouseDir = lakehouseEnv().APPBASE_LAKEHOUSE_DIR;
  const root = lakehouseDir
    ? path.join(path.dirname(lakehouseDir), "evidence", "risk-compliance")
    : path.join(tmpdir(), "appbase-risk-compliance-evidence");
  return localFolderStore(root);
}

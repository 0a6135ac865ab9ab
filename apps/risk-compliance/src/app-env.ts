import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";
import { linkedKitBindings } from "@appbase/next-kit/links";

/** Every resource the Real-Time Risk & Compliance Engine binds in app.yaml; bundles/risk-compliance/bundle.ts generates the bundle from it. */
export const riskComplianceAppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: lakebaseEndpointBinding(
      "Lakebase endpoint of the kit's database (alert queue, cases, evidence, audit, policy chunks)",
    ),
    EMBEDDING_ENDPOINT_NAME: {
      resource: "embedding-endpoint",
      type: "serving_endpoint",
      optional: true,
      description:
        "Embedding model for policy and evidence retrieval (1024 dimensions, e.g. databricks-gte-large-en); without it a local lexical embedder is used and labelled",
    },
    EVIDENCE_VOLUME: {
      resource: "evidence-volume",
      type: "uc_volume",
      optional: true,
      description:
        "Unity Catalog volume evidence files are uploaded to (Files API, WRITE_VOLUME); without it they go to a local folder",
    },
    DATABRICKS_WAREHOUSE_ID: {
      resource: "sql-warehouse",
      type: "sql_warehouse",
      optional: true,
      description:
        "SQL warehouse the Governance Writer writes case decisions (silver, bronze) through; without it case decisions need the local lakehouse",
    },
    // Alerts and cases link to the customer a monitored person is (Customer Hub's app on Databricks),
    // and a case an agent filed links back to its Agent Ops thread.
    ...linkedKitBindings(["customer-hub", "agent-ops"]),
  },
});

import { Banner } from "@appbase/ui/badges";
import type { RegistryAsOf } from "../domain/registry/registry-as-of.ts";
import { asOfInputValue } from "./as-of-param.ts";
import { RegistryAgentsTable } from "./registry-agents-table.tsx";
import { RegistryAsOfControl } from "./registry-as-of-control.tsx";
import { RegistryTime } from "./registry-time.tsx";
import { RegistryToolsTable } from "./registry-tools-table.tsx";

const SECTION = { marginBottom: "1.5rem" } as const;

/** The registries as the lakehouse history holds them at a past time: read-only and labelled so. */
export function RegistryHistoryView({ past }: { past: RegistryAsOf }) {
  return (
    <>
      <RegistryAsOfControl value={asOfInputValue(new Date(past.at))} />
      <Banner tone="warning" title="Historical view, read-only">
        What was registered at <RegistryTime iso={past.at} precise />, read from the lakehouse history (silver
        versions: agents {past.silverVersions.agents ?? "none yet"}, tools{" "}
        {past.silverVersions.tools ?? "none yet"}). Later changes are not shown.
      </Banner>
      <section style={SECTION}>
        <h2 className="ab-section-title">Agents as of then</h2>
        <RegistryAgentsTable agents={past.agents} tools={past.tools} />
      </section>
      <section style={SECTION}>
        <h2 className="ab-section-title">Tools as of then</h2>
        <RegistryToolsTable tools={past.tools} />
      </section>
    </>
  );
}

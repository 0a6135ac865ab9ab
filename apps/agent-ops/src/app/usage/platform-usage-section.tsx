import { Card } from "@appbase/ui/layout";
import { type PlatformUsage, readPlatformUsage } from "../../domain/usage/platform-usage.ts";
import { boundPlatformSource } from "../../server/databricks.ts";
import { PlatformFigures } from "./platform-figures.tsx";

/**
 * The platform's own figures for the bound serving endpoint (its AI Gateway's usage tracking and
 * inference table), beside the kit's records, or in words what is not bound or not enabled.
 */
export async function PlatformUsageSection({ since, appCalls }: { since: Date | null; appCalls: number }) {
  let source: ReturnType<typeof boundPlatformSource>;
  let platform: PlatformUsage | undefined;
  let failure: string | undefined;
  try {
    source = boundPlatformSource();
    if (source) platform = await readPlatformUsage(source, since);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  return (
    <Card
      title="Platform figures"
      subtitle={
        source
          ? `Source: the AI Gateway of serving endpoint ${source.endpoint}${source.warehouseId ? `, read through SQL warehouse ${source.warehouseId}` : ""}`
          : "Source: the bound serving endpoint's AI Gateway"
      }
    >
      <section data-testid="platform-usage">
        {failure ? (
          <p role="alert">{failure}</p>
        ) : !source ? (
          <p>
            No serving endpoint is bound (SERVING_ENDPOINT_NAME): the agents run on the scripted model, so
            there are no platform figures. Bind an endpoint, with usage tracking or an inference table on its
            AI Gateway and a SQL warehouse (DATABRICKS_WAREHOUSE_ID), to see them here.
          </p>
        ) : platform ? (
          <PlatformFigures platform={platform} appCalls={appCalls} />
        ) : null}
      </section>
    </Card>
  );
}

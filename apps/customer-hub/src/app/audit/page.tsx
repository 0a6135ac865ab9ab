import { ActivityList } from "@appbase/ui/activity";
import { PageHeader } from "@appbase/ui/shell";
import { listPiiAccess } from "../../domain/audit/pii-access.ts";
import { db, pageViewer } from "../../server/kit.ts";

const SURFACE: Record<string, string> = {
  "customer-detail": "opened the profile of",
  "customer-list": "listed",
  "api-customers": "fetched through /api/customers",
};

/** An auditor's view (audit.read): who was shown unmasked PII of which customers, and when. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const reader = await pageViewer("audit.read", "the PII access log");
  if (!reader.identity) return reader.refusal;
  const query = await searchParams;
  const customerId =
    typeof query.customer === "string" && /^C\d{7}$/.test(query.customer) ? query.customer : undefined;
  const entries = await listPiiAccess(await db(), { customerId, limit: 200 });
  const now = new Date();
  return (
    <>
      <PageHeader
        title="PII access"
        description={
          customerId
            ? `Who was shown unmasked PII of ${customerId}, newest first.`
            : "Who was shown unmasked PII (email, phone, address, birth date), where and when; newest 200. Add ?customer=C0000001 for one customer."
        }
      />
      <section className="ch-card" aria-label="PII access log">
        <ActivityList
          label="PII access log"
          now={now}
          empty="Nobody has been shown unmasked PII yet."
          items={entries.map((e) => {
            const shown = e.customerIds.length;
            const who =
              shown <= 5
                ? e.customerIds.join(", ")
                : `${e.customerIds.slice(0, 5).join(", ")} and ${shown - 5} more`;
            return {
              id: String(e.id),
              actor: e.viewerEmail,
              action: `${SURFACE[e.surface] ?? e.surface} ${who}`,
              at: e.at,
            };
          })}
        />
      </section>
    </>
  );
}

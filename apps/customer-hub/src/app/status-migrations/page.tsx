import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { StatusMigrationForm } from "../../components/status-migration-form.tsx";
import { customerTableSpec } from "../../domain/customers/customer-table-spec.ts";
import { pageViewer } from "../../server/kit.ts";
import { statusPreviews } from "../../server/status-previews.ts";

export const dynamic = "force-dynamic";

const filterOptions = (key: string) => customerTableSpec.filters.find((f) => f.key === key)?.options ?? [];

/** Status migrations: prepare a bulk status change on a Lakebase branch, and the previews waiting for review. */
export default async function StatusMigrationsPage() {
  const viewer = await pageViewer("status.migrate", "status migrations");
  if (!viewer.identity) return viewer.refusal;
  const previews = await statusPreviews.list(process.env);
  return (
    <>
      <PageHeader
        title="Status migrations"
        description="A bulk status change runs first on a Lakebase branch of main: review its row diff, then apply it on main or discard it."
      />
      <Card title="Waiting for review" subtitle={`${previews.length} preview(s)`}>
        {previews.length === 0 ? (
          <p className="ab-muted">No previews. Prepare one below.</p>
        ) : (
          <ul data-previews>
            {previews.map((p) => (
              <li key={p.branch}>
                <Link href={`/status-migrations/${p.branch}`}>{p.title}</Link> — {p.plan.targets.length}{" "}
                customer(s), prepared by {p.preparedBy} at {p.preparedAt.slice(0, 16).replace("T", " ")} UTC
                on branch <code>{p.branch}</code>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Prepare a migration">
        <StatusMigrationForm segments={filterOptions("segment")} bands={filterOptions("band")} />
      </Card>
    </>
  );
}

import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { SiteChangeForm } from "../../components/site-change-form.tsx";
import { siteOverview } from "../../domain/assets/site-overview.ts";
import { listTechnicians } from "../../domain/work-orders/technicians.ts";
import { db, pageViewer } from "../../server/kit.ts";
import { listSitePreviews } from "../../server/site-previews.ts";

export const dynamic = "force-dynamic";

/** Site changes: prepare a bulk change on a Lakebase branch, and the previews waiting for review. */
export default async function SiteChangesPage() {
  const viewer = await pageViewer("branch.preview", "site-change previews");
  if (!viewer.identity) return viewer.refusal;
  const pool = await db();
  const [sites, technicians, previews] = await Promise.all([
    siteOverview(pool),
    listTechnicians(pool),
    listSitePreviews(process.env),
  ]);
  return (
    <>
      <PageHeader
        title="Site changes"
        description="A bulk change runs first on a Lakebase branch of main: reviewers see its row diff and can open the portal on the branch, then apply it on main or discard it."
      />
      <Card title="Waiting for review" subtitle={`${previews.length} preview(s)`}>
        {previews.length === 0 ? (
          <p className="op-muted">No previews. Prepare one below.</p>
        ) : (
          <ul className="op-checklist" data-previews>
            {previews.map((p) => (
              <li key={p.branch}>
                <Link href={`/site-changes/${p.branch}`}>{p.title}</Link> — {p.plan.targets.length} work
                order(s), prepared by {p.preparedBy} at {p.preparedAt.slice(0, 16).replace("T", " ")} UTC on
                branch <code>{p.branch}</code>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Prepare a change">
        <SiteChangeForm
          sites={sites.map((s) => ({ id: s.siteId, name: s.name }))}
          technicians={technicians.map((t) => ({ id: t.id, displayName: t.displayName }))}
        />
      </Card>
    </>
  );
}

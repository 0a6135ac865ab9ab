import type { Queryable } from "@appbase/db";
import type { Viewer } from "../domain/access.ts";

/** People of the portal's grant matrix, as tests sign them in. */
export const people = {
  planner: { email: "pia.planner@example.com", userId: "pia", groups: ["operations-portal-planners"] },
  manager: { email: "sam.manager@example.com", userId: "sam", groups: ["operations-portal-site-managers"] },
  viewer: { email: "vera.viewer@example.com", userId: "vera", groups: ["operations-portal-viewers"] },
  tom: { email: "tom.tech@example.com", userId: "tom", groups: ["operations-portal-technicians"] },
  tina: { email: "tina.tech@example.com", userId: "tina", groups: ["operations-portal-technicians"] },
} satisfies Record<string, Viewer>;

/** Inserts served sites and assets (only the columns a test cares about vary). */
export async function insertAssets(
  db: Queryable,
  assets: {
    assetId: string;
    siteId: string;
    assetType?: string;
    criticality?: string;
    installDate?: string;
  }[],
): Promise<void> {
  const sites = [...new Set(assets.map((a) => a.siteId))];
  for (const site of sites) {
    await db.query(
      `insert into operations.sites values ($1, $2, 'plant', 'Leeds', 'GB', 'EMEA', 'Europe/London', '2001-01-01')
       on conflict do nothing`,
      [site, `Site ${site}`],
    );
  }
  for (const a of assets) {
    await db.query(
      `insert into operations.assets values ($1, $2, $3, $4, 'ACME', 'X1', $5, $6, 'operational')`,
      [
        a.assetId,
        a.siteId,
        a.assetType ?? "pump",
        `TAG-${a.assetId}`,
        a.installDate ?? "2020-01-01",
        a.criticality ?? "high",
      ],
    );
  }
}

/** Registers the test technicians. */
export async function insertTechnicians(db: Queryable): Promise<void> {
  for (const t of [people.tom, people.tina]) {
    await db.query(
      "insert into operations_portal.technician (id, display_name, email) values ($1, $2, $3) on conflict do nothing",
      [t.userId, t.email.split("@")[0], t.email],
    );
  }
}

/** Inserts one score reading. */
export async function insertScore(
  db: Queryable,
  assetId: string,
  scoredAt: string,
  health: number,
  anomaly: number,
) {
  await db.query("insert into operations.asset_scores values ($1, $2, $3, $4, 'test-1')", [
    assetId,
    scoredAt,
    health,
    anomaly,
  ]);
}

import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";

export interface Technician {
  id: string;
  displayName: string;
  email: string;
  homeSiteId: string | null;
}

/** Active technicians, by name. */
export async function listTechnicians(db: Queryable): Promise<Technician[]> {
  const { rows } = await db.query<{
    id: string;
    display_name: string;
    email: string;
    home_site_id: string | null;
  }>(
    "select id, display_name, email, home_site_id from operations_portal.technician where active order by display_name",
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    homeSiteId: r.home_site_id,
  }));
}

/** Throws a field error on `assigneeId` unless `id` is an active technician. */
export async function assertTechnician(db: Queryable, id: string): Promise<void> {
  const { rows } = await db.query("select 1 from operations_portal.technician where id = $1 and active", [
    id,
  ]);
  if (rows.length === 0)
    throw new FieldRuleError("assigneeId", `${id} is not an active technician; pick one from the list.`);
}

/** The matrix role whose holders work orders can be assigned to. */
export const TECHNICIAN_ROLE = "technician";

/**
 * Puts a signed-in holder of the technician role on the roster, as the platform identifies them (user
 * id, email, display name), so a deployed portal fills its roster from the workspace group that gives
 * the role; nothing is imported. Someone already there (by id or email), active or deactivated, is left
 * as they are. Returns whether they were added.
 */
export async function enrollTechnician(
  db: Queryable,
  identity: { userId: string; email: string; displayName: string; roles: readonly string[] },
): Promise<boolean> {
  if (!identity.roles.includes(TECHNICIAN_ROLE)) return false;
  const { rowCount } = await db.query(
    `insert into operations_portal.technician (id, display_name, email) values ($1, $2, $3)
     on conflict do nothing`,
    [identity.userId, identity.displayName.slice(0, 200) || identity.email, identity.email],
  );
  return (rowCount ?? 0) > 0;
}

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

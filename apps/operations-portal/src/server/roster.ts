import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { enrollTechnician } from "../domain/work-orders/technicians.ts";
import { db } from "./kit.ts";

/**
 * The roster of a deployed portal comes from who holds the technician role: a technician is enrolled
 * the first time they open their work or the alert queue (see enrollTechnician). Pages technicians
 * land on call this with their viewer.
 */
export async function enrollOnVisit(identity: KitIdentity): Promise<void> {
  await enrollTechnician(await db(), identity);
}

import { padId } from "../time.ts";

/** Entity id for a zero-based index: `E0000001`. */
export function entityId(index: number): string {
  return padId("E", index + 1, 7);
}

/** Policy id for a zero-based index: `POL-0001`. */
export function policyId(index: number): string {
  return padId("POL-", index + 1, 4);
}

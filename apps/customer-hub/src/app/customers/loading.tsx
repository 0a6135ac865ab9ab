import { LoadingSkeleton } from "@appbase/ui/states";

/** Shown while a customer page's data loads. */
export default function Loading() {
  return <LoadingSkeleton variant="table" rows={8} label="Loading customers…" />;
}

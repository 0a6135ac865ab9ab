import { LoadingSkeleton } from "@appbase/ui/states";

/**
 * Every kit's root loading boundary (src/app/loading.tsx re-exports it). Each page renders inside it,
 * so the server sends the shell (navigation, kit and identity switchers) as soon as the layout is
 * ready and streams the page's data after; a client-side navigation shows this at once. A segment
 * with its own loading.tsx (e.g. Customer Hub's customers) shows that one instead.
 */
export default function KitLoading() {
  return <LoadingSkeleton variant="table" rows={8} label="Loading…" />;
}

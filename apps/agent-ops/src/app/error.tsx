"use client";

import { ErrorState } from "@appbase/ui/states";

/** Shown when a page fails to render; the message says what broke. */
export default function PageError({ error }: { error: Error }) {
  return <ErrorState title="This page could not load" message={error.message} />;
}

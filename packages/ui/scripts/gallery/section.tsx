import type { ReactNode } from "react";

/** A titled gallery section. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 28 }}>
      <h2 className="ab-section-title">{title}</h2>
      {children}
    </section>
  );
}

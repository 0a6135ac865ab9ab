import type { Embedder } from "../domain/policies/embedder.ts";
import type { PolicyHit } from "../domain/policies/search-policies.ts";
import { HighlightedPassage } from "./highlighted-passage.tsx";

/** The policies relevant to an alert or case: cited (id, version, section), passages highlighted, the ranking embedder named. */
export function RelevantPolicies(props: { hits: PolicyHit[] | null; embedder: Pick<Embedder, "label"> }) {
  return (
    <aside className="rc-card" aria-label="Relevant policies">
      <h2>Relevant policies</h2>
      {props.hits === null ? (
        <p className="rc-muted">Policy retrieval needs pgvector, which this database lacks.</p>
      ) : (
        <ol className="rc-list">
          {props.hits.map((p) => (
            <li key={`${p.policyId}@${p.version}`}>
              <strong>{p.title}</strong>
              <div className="rc-cite">
                {p.policyId} · v{p.version} · § {p.section} · matched by {p.matchedBy.join(" + ")}
              </div>
              <HighlightedPassage passage={p.passage} />
            </li>
          ))}
        </ol>
      )}
      <p className="rc-cite">Ranked by: {props.embedder.label}</p>
    </aside>
  );
}

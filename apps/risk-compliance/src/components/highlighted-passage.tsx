import { highlightRuns } from "../domain/policies/hybrid-search.ts";

/** A retrieved passage with the matching words marked (text only, never HTML). */
export function HighlightedPassage({ passage }: { passage: string }) {
  return (
    <p className="rc-passage">
      {highlightRuns(passage).map((run, i) =>
        run.marked ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </p>
  );
}

/** A duration as a person reads it: "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** A timestamp in UTC to the second, the same on server and client. */
export function formatInstant(at: Date | string | null): string {
  if (at === null) return "—";
  const date = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? "—" : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Node names for display: LangGraph's `__start__` is the input the graph was invoked with. */
export function nodeLabel(nodes: readonly string[]): string {
  const names = nodes.map((n) => (n === "__start__" ? "input" : n));
  return names.length > 0 ? names.join(", ") : "—";
}

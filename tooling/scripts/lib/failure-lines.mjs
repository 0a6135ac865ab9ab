// Picks the lines that name a failure out of a test run's output, so the summary at the end of
// `test:all` repeats them: CI logs are often read from the tail, and the failing test scrolled away.

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal colour codes is the point
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const MARKERS = [
  /\bFAIL\b/, // vitest: " FAIL  src/a.test.ts > suite > test"
  /^\s*[×✗✘]\s/, // vitest / playwright: a failed test
  /^\s*\d+\) \[/, // playwright list: "  1) [project] › spec.ts:12:3 › title"
  /(^|\s)\w*Error: /, // the first line of the reason
  /Timed out|Test timeout/i,
  /error TS\d+:/, // tsc
  /^\S+:\d+:\d+ \S+\/\S+/, // biome: "path:line:col lint/rule ━━━"
  /Unhandled (Rejection|Error)|\bErrors?\s+\d+ errors?\b/, // vitest: errors outside a test fail the run too
  /ERROR\s+command .* exited/, // turbo: which package failed
];
const LIMIT = 60;

/** Collects failure lines from streamed output chunks (a chunk may end mid-line). */
export function failureCollector() {
  const lines = [];
  let partial = "";
  const consider = (line) => {
    const plain = line.replace(ANSI, "").trimEnd();
    if (plain && MARKERS.some((marker) => marker.test(plain)) && lines.length < LIMIT) lines.push(plain);
  };
  return {
    push(chunk) {
      const text = partial + chunk.toString("utf8");
      const parts = text.split(/\r?\n/);
      partial = parts.pop() ?? "";
      for (const line of parts) consider(line);
    },
    lines() {
      if (partial) consider(partial);
      partial = "";
      return [...new Set(lines)];
    },
  };
}

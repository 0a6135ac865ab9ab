/** A progress reporter: a redrawn bar on a terminal, a line every few seconds in CI logs. */
export interface Progress {
  update(done: number, total?: number, detail?: string): void;
  /** Prints a finished step as its own line, above the bar. */
  note(line: string): void;
  done(summary?: string): void;
}

const BAR_WIDTH = 28;
const LOG_INTERVAL_MS = 3_000;

/** Creates a progress reporter for a labelled piece of long work. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let lastLog = 0;
  const tty = stream.isTTY === true;
  const line = (done: number, total?: number, detail?: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
    const counts = total ? `${fmt(done)}/${fmt(total)}` : fmt(done);
    const bar = total ? `${renderBar(done / total)} ` : "";
    return `${label} ${bar}${counts} (${fmt(Math.round(rate))}/s, ${seconds}s)${detail ? ` ${detail}` : ""}`;
  };
  return {
    update(done, total, detail) {
      const now = Date.now();
      if (tty) {
        stream.write(`\r\x1b[2K${line(done, total, detail)}`);
      } else if (now - lastLog >= LOG_INTERVAL_MS) {
        lastLog = now;
        stream.write(`${line(done, total, detail)}\n`);
      }
    },
    note(text) {
      stream.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
    done(summary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (tty) stream.write("\r\x1b[2K");
      stream.write(`${label} done in ${seconds}s${summary ? `: ${summary}` : ""}\n`);
    },
  };
}

function renderBar(fraction: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(fraction * BAR_WIDTH)));
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

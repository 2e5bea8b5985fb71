import type { Progress } from "../engine/check-recordings.js";

const BAR_WIDTH = 24;

function bar(done: number, total: number): string {
  const filled = Math.round((BAR_WIDTH * Math.min(done, total)) / total);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor((100 * done) / total)}%`;
}

/**
 * Progress on stderr for long runs: an updating line on a terminal (at most 10 per second), a plain line
 * at the first update and then every 10 seconds elsewhere (CI logs), nothing with --quiet.
 */
export function progressPrinter(
  quiet: boolean,
  stream: Pick<NodeJS.WriteStream, "write" | "isTTY"> = process.stderr,
  { env = process.env, clock = Date.now }: { env?: NodeJS.ProcessEnv; clock?: () => number } = {},
): {
  onProgress: (p: Progress) => void;
  done: () => void;
} {
  if (quiet) return { onProgress: () => {}, done: () => {} };
  const interactive = Boolean(stream.isTTY) && env.CI !== "true";
  const interval = interactive ? 100 : 10_000;
  const started = clock();
  // The first update shows at once (a CI log then says the run is under way), later ones at the interval.
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    onProgress({ file, exchanges, done, total }) {
      const now = clock();
      if (now - last < interval) return;
      last = now;
      const rate = Math.round(exchanges / Math.max((now - started) / 1000, 0.001));
      const counts = `${exchanges.toLocaleString("en-US")} exchange(s), ${rate.toLocaleString("en-US")}/s · ${file}`;
      const line = total
        ? `${bar(done ?? 0, total)} ${done}/${total} calls · ${counts}`
        : `checked ${counts}`;
      if (interactive) {
        stream.write(`\r\x1b[K${line}`);
        shown = true;
      } else stream.write(`${line}\n`);
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}

import type { Progress } from "../engine/check-recordings.js";

/**
 * Progress on stderr for long runs: an updating line on a terminal (at most 10 per second), a plain line
 * every 10 seconds elsewhere (CI logs), nothing with --quiet.
 */
export function progressPrinter(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): {
  onProgress: (p: Progress) => void;
  done: () => void;
} {
  if (quiet) return { onProgress: () => {}, done: () => {} };
  const interactive = Boolean(stream.isTTY) && process.env.CI !== "true";
  const interval = interactive ? 100 : 10_000;
  const started = Date.now();
  let last = started;
  let shown = false;
  return {
    onProgress({ file, exchanges }) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const rate = Math.round(exchanges / Math.max((now - started) / 1000, 0.001));
      const line = `checked ${exchanges.toLocaleString("en-US")} exchange(s), ${rate.toLocaleString("en-US")}/s · ${file}`;
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

/**
 * Ctrl-C for the whole process, installed before anything else is loaded (bin.ts imports this module
 * first and the rest lazily), so that an interrupt is never lost: the first SIGINT aborts `interruption`
 * and the running command winds down (writes what it has, marked incomplete, and exits 2); a second one
 * exits at once.
 */
const controller = new AbortController();

export const interruption: AbortSignal = controller.signal;

/** The exit code of a process ended by a second Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_FORCED = 130;

function onSigint(): void {
  if (!controller.signal.aborted) {
    controller.abort();
    return;
  }
  process.stderr.write("conformance: interrupted again: exiting now, without a report\n");
  process.exit(EXIT_FORCED);
}

process.on("SIGINT", onSigint);

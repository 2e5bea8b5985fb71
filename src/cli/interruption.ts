/**
 * Ctrl-C (SIGINT) and SIGTERM (what CI runners send when a job is cancelled) for the whole process,
 * installed before anything else is loaded (bin.ts imports this module first and the rest lazily), so that
 * an interrupt is never lost: the first of either aborts `interruption` and the running command winds down
 * (writes what it has, marked incomplete, says which signal stopped it, and exits 2); a second one ends
 * the process at once by that signal (a shell reports 128 + its number: 130, 143). `conformance sandbox` stops cleanly on the
 * first. The handlers are installed by `listenForStopSignals()` (the CLI's bin), not on import, so that a
 * program or a test that imports a command keeps its own signal handling.
 */
const controller = new AbortController();

export const interruption: AbortSignal = controller.signal;

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export type StopSignal = (typeof STOP_SIGNALS)[number];

let received: StopSignal | undefined;

/** The signal that aborted `interruption`, if one did. */
export function interruptedBy(): StopSignal | undefined {
  return received;
}

/** How the terminal names a stop signal: "Ctrl-C" for SIGINT, else the signal's name ("SIGTERM"). */
export function signalLabel(signal: StopSignal | undefined): string {
  return signal === undefined || signal === "SIGINT" ? "Ctrl-C" : signal;
}

function onStopSignal(signal: StopSignal): void {
  if (!controller.signal.aborted) {
    received = signal;
    controller.abort(signal);
    return;
  }
  process.stderr.write(
    `conformance: interrupted again (${signalLabel(signal)}): exiting now, without a report\n`,
  );
  exitBySignal(signal);
}

/**
 * Ends the process at once by `signal`'s default action: the status a shell reports is 128 + its number.
 * Re-raised rather than process.exit(), which waits for libuv's threadpool, and a thread blocked in open()
 * (a FIFO that nobody writes) never comes back.
 */
export function exitBySignal(signal: StopSignal): void {
  for (const name of STOP_SIGNALS) process.removeAllListeners(name);
  process.kill(process.pid, signal);
}

let listening = false;

/** Installs the handlers (once): the first SIGINT or SIGTERM aborts `interruption`, a second exits. */
export function listenForStopSignals(): void {
  if (listening) return;
  listening = true;
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
}

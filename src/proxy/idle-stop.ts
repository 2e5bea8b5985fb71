import type { RunningProxy } from "./proxy-server.js";

/**
 * Resolves once nothing has been in flight through `proxy` for `ms` milliseconds (counted from now, and
 * again from the end of each request), or when `signal` aborts.
 */
export function whenIdle(
  proxy: Pick<RunningProxy, "inFlight" | "onActivity">,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    };
    const rearm = () => {
      clearTimeout(timer);
      if (!done && proxy.inFlight() === 0) timer = setTimeout(finish, ms);
    };
    if (signal.aborted) return finish();
    signal.addEventListener("abort", finish, { once: true });
    proxy.onActivity(rearm);
    rearm();
  });
}

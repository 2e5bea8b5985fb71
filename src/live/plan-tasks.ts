import type { CallSpec } from "./call-spec.js";

const MUTATING = /^(Create|Delete|Run|Start|Stop|Modify|Update|Terminate)/;

/**
 * Orders a run's calls into phases of independent tasks (a task is a list of calls made one after the
 * other): read-only action calls, each Alibaba JSON call with its XML twin so they see the same state;
 * then calls that change state, with the calls that use their answers; then probes; throttling last.
 */
export function planTasks(calls: readonly CallSpec[]): CallSpec[][][] {
  const readOnly: CallSpec[][] = [];
  const mutating: CallSpec[][] = [];
  const probes: CallSpec[][] = [];
  const throttling: CallSpec[][] = [];
  const taskOf = new Map<string, CallSpec[]>();
  for (const call of calls) {
    if (call.probe) {
      (call.repeatUntilThrottled ? throttling : probes).push([call]);
      continue;
    }
    const owner = call.uses
      ? taskOf.get(call.uses.call)
      : call.format === "xml"
        ? taskOf.get(call.id.replace(/\.xml$/, ""))
        : undefined;
    if (owner) {
      owner.push(call);
      taskOf.set(call.id, owner);
      continue;
    }
    const task = [call];
    taskOf.set(call.id, task);
    ((call.mutating ?? MUTATING.test(call.action)) ? mutating : readOnly).push(task);
  }
  return [readOnly, mutating, probes, throttling].filter((phase) => phase.length > 0);
}

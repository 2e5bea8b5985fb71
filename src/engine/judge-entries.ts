import type { RawExchange } from "../model/exchange.js";
import { type EntryItem, parseEntry } from "../sources/entry-item.js";
import type { ExchangeVerdict } from "./check-exchange.js";
import type { WorkerResult } from "./judge-pool.js";
import type { Selection } from "./selection.js";

/** ExchangeJudge.judgeAlone: the verdict of an exchange that needs no other, undefined for a group member. */
export type JudgeAlone = (exchange: RawExchange, select?: Selection) => ExchangeVerdict | undefined;

/**
 * A batch of a parallel check, parsed and judged away from the report (in a worker thread, or by the
 * reading thread while the workers are busy): what each entry became, in the batch's order. A group member
 * is only parsed; the reading thread judges it with its group, in its place.
 */
export function judgeEntries(
  items: readonly EntryItem[],
  judgeAlone: JudgeAlone,
  maxBodyBytes: number,
  select: Selection | undefined,
): WorkerResult[] {
  return items.map((item): WorkerResult => {
    if (item.kind === "unreadable") return item;
    const parsed = parseEntry(item, maxBodyBytes);
    if (parsed.kind === "unreadable") return parsed;
    return judgeAlone(parsed.exchange, select) ?? { kind: "grouped", exchange: parsed.exchange };
  });
}

import { notOneOf } from "../validate.js";

/**
 * Priority lanes: which waiting caller of a token goes next. Written once so the in-memory
 * limiter and the Redis script (which mirrors `chooseLane` line for line) decide alike.
 *
 * A higher lane goes first when both wait. A lower lane is never starved: its share is reserved,
 * not earned by ageing (ageing would let a backlog that has waited long go ahead of every
 * interactive call at once). A lane that waits while other lanes take `passOverLimit` turns in a
 * row takes the next turn; with three lanes a waiting lane thus gets at least one turn in six.
 */
export type RateLimitPriority = "interactive" | "normal" | "background";

/** The lanes, highest first: a lane's index is its rank. */
export const lanes: readonly RateLimitPriority[] = ["interactive", "normal", "background"];

export const defaultPriority: RateLimitPriority = "normal";

/** How many turns in a row may go to other lanes while a lane waits. */
export const passOverLimit = 4;

/** The lane's rank (0 for interactive), or -1 for anything that is not a lane. */
export function laneIndex(priority: unknown): number {
  return lanes.indexOf(priority as RateLimitPriority);
}

/** Checks a `priority` option; the error names the option and what it takes. */
export function checkPriority(value: unknown, what: string): RateLimitPriority | undefined {
  if (value === undefined) return undefined;
  if (laneIndex(value) < 0) throw badPriority(value, what);
  return value as RateLimitPriority;
}

/** The error for a `priority` that is not a lane. */
export function badPriority(value: unknown, what = "priority"): TypeError {
  return notOneOf(value, lanes, what);
}

/**
 * The lane whose turn it is, among those with someone waiting (`waiting[i]`), given how many
 * turns each has been passed over (`passedOver[i]`): the highest lane passed over
 * `passOverLimit` times or more, else the highest lane that waits. -1 when nobody waits.
 */
export function chooseLane(waiting: readonly boolean[], passedOver: readonly number[]): number {
  let highest = -1;
  for (let lane = 0; lane < waiting.length; lane++) {
    if (!waiting[lane]) continue;
    if (passedOver[lane]! >= passOverLimit) return lane;
    if (highest < 0) highest = lane;
  }
  return highest;
}

/** After lane `taken` had a turn: it starts over, and every other lane that waited was passed over. */
export function countTurn(waiting: readonly boolean[], passedOver: number[], taken: number): void {
  for (let lane = 0; lane < waiting.length; lane++) {
    if (lane === taken) passedOver[lane] = 0;
    else if (waiting[lane]) passedOver[lane]!++;
  }
}

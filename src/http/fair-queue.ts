import { chooseLane, countTurn, lanes } from "./lanes.js";

/** What waits in a FairQueue: its lane (0 is the highest) and whose it is. */
export interface Queued {
  lane: number;
  /** The client (in memory) that asked: clients of one lane take turns. */
  owner: unknown;
}

/**
 * The callers waiting for one limit, in the order they go: the lane whose turn it is
 * (`lanes.ts`), and within it the clients in turn (one caller each, round robin), each
 * client's callers first come, first served. A client that starts waiting joins the end of
 * the round, so a backlog of one never holds back another client's callers for more than one
 * turn per other client.
 */
export class FairQueue<T extends Queued> {
  /** Per lane, the clients with callers waiting, in turn order (a Map keeps insertion order). */
  private readonly byLane: Map<unknown, T[]>[] = lanes.map(() => new Map());
  private readonly passedOver: number[] = lanes.map(() => 0);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const clients = this.byLane[item.lane]!;
    const mine = clients.get(item.owner);
    if (mine === undefined) clients.set(item.owner, [item]);
    else mine.push(item);
    this.count++;
  }

  /** Takes an item out of the queue wherever it is; false if it was not there. */
  remove(item: T): boolean {
    const clients = this.byLane[item.lane]!;
    const mine = clients.get(item.owner);
    const index = mine === undefined ? -1 : mine.indexOf(item);
    if (index < 0) return false;
    mine!.splice(index, 1);
    if (mine!.length === 0) clients.delete(item.owner);
    this.count--;
    return true;
  }

  /** Takes the item whose turn it is, and counts the turn. */
  shift(): T | undefined {
    const waiting = this.byLane.map((clients) => clients.size > 0);
    const lane = chooseLane(waiting, this.passedOver);
    if (lane < 0) return undefined;
    countTurn(waiting, this.passedOver, lane);
    const clients = this.byLane[lane]!;
    const [owner, mine] = clients.entries().next().value!;
    const item = mine.shift()!;
    // The client's turn is over: it goes to the end of the round if it has more waiting.
    clients.delete(owner);
    if (mine.length > 0) clients.set(owner, mine);
    this.count--;
    return item;
  }

  /** Up to `count` items, in the order the iterator gives them. */
  first(count: number): T[] {
    const items: T[] = [];
    for (const clients of this.byLane) {
      for (const mine of clients.values()) {
        for (const item of mine) {
          if (items.length === count) return items;
          items.push(item);
        }
      }
    }
    return items;
  }

  /** Every item, highest lane first; within a lane, client by client in turn order. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const clients of this.byLane) {
      for (const mine of clients.values()) yield* mine;
    }
  }
}

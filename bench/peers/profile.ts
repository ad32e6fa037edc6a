import { Session } from "node:inspector/promises";
import { frameLocation } from "./attribution.js";

/** A V8 CPU profile, as the inspector's Profiler.stop returns it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/**
 * Self time per label (`label` names a frame), in milliseconds. Samples taken inside the
 * inspector's own calls (the profiler starting and stopping) are left out.
 */
export function selfTime(
  profile: CpuProfile,
  label: (frame: CallFrame) => string,
  into = new Map<string, number>(),
): Map<string, number> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const profilerItself = (id: number | undefined): boolean =>
    id !== undefined &&
    (frames.get(id)!.url === "node:inspector" || profilerItself(parents.get(id)));
  profile.samples.forEach((id, i) => {
    if (profilerItself(id)) return;
    const name = label(frames.get(id)!);
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    into.set(name, (into.get(name) ?? 0) + ms);
  });
  return into;
}

/** The `top` largest entries as "share  label", shares of the total. */
export function topShares(times: ReadonlyMap<string, number>, top: number): string[] {
  const total = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => `${((100 * ms) / total).toFixed(0).padStart(3)}%  ${name}`);
}

/**
 * Where the CPU goes while `call` runs `times` times: V8's sampling profiler, self time per
 * function and the module it is in. Used to say what dominates a missed per-call target
 * without knowing the client's internals.
 */
export async function hottestFunctions(
  call: () => Promise<unknown>,
  times: number,
  top = 8,
): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 50 });
    await session.post("Profiler.start");
    for (let i = 0; i < times; i++) await call();
    const { profile } = (await session.post("Profiler.stop")) as unknown as {
      profile: CpuProfile;
    };
    const byFunction = selfTime(
      profile,
      (frame) =>
        `${frame.functionName || "(anonymous)"}${frame.url ? ` (${frameLocation(frame.url, frame.lineNumber)})` : ""}`,
    );
    return topShares(byFunction, top).join("\n");
  } finally {
    session.disconnect();
  }
}

import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Where the CPU goes while `call` runs `times` times: V8's sampling profiler, self time per
 * function, the `top` largest as "share  function (file:line)". Used to say what dominates a
 * missed per-call target without knowing the client's internals.
 */
export async function hottestFunctions(
  call: () => Promise<unknown>,
  times: number,
  top = 6,
): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 50 });
    await session.post("Profiler.start");
    for (let i = 0; i < times; i++) await call();
    const { profile } = (await session.post("Profiler.stop")) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[] };
    };
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfSamples = new Map<string, number>();
    for (const id of profile.samples) {
      const frame = byNode.get(id)!.callFrame;
      const where = frame.url
        ? ` (${frame.url.replace(/^file:\/\//, "").replace(root, "")}:${frame.lineNumber + 1})`
        : "";
      const name = `${frame.functionName || "(anonymous)"}${where}`;
      selfSamples.set(name, (selfSamples.get(name) ?? 0) + 1);
    }
    const total = profile.samples.length;
    return [...selfSamples]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => `${((100 * count) / total).toFixed(0).padStart(3)}%  ${name}`)
      .join("\n");
  } finally {
    session.disconnect();
  }
}

/**
 * A real `redis-server` for the tests, the bench and the examples: on a free loopback port,
 * nothing written to disk, stopped by its user (and killed with this process if it dies first:
 * no orphans).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";

export interface RedisServer {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Kills the server at once (SIGKILL), as a crash would; waits for the process to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port, with an empty data set (nothing was saved). */
  restart(): Promise<void>;
  /** Stops it; safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

let checked = false;
function checkInstalled(): void {
  if (checked) return;
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      "redis-server is not installed: the Redis limiter's tests, bench and example start a real one (Debian: apt-get install redis-server; .ci/run does this), or set REDIS_URL for the example",
    );
  }
  checked = true;
}

export async function startRedisServer(): Promise<RedisServer> {
  checkInstalled();
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const process_ = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--protected-mode",
        "yes",
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = process_;
    running.add(process_);
    let output = "";
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    process_.stdout!.on("data", collect);
    process_.stderr!.on("data", collect);
    exited = new Promise((resolve) =>
      process_.once("exit", () => {
        running.delete(process_);
        resolve();
      }),
    );
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (process_.exitCode !== null || process_.signalCode !== null) {
        throw new Error(`redis-server exited at start:\n${output}`);
      }
      if (Date.now() > deadline) {
        process_.kill("SIGKILL");
        throw new Error(`redis-server did not answer on port ${port} within 10 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const kill = async () => {
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await exited;
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: launch,
    stop: async () => {
      if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child?.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** True when something on the port answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

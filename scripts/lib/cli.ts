import { parseArgs, type ParseArgsConfig } from "node:util";
import { SpecRejectedError } from "./spec-document.js";
import { defaultTimeoutMs } from "./spec-source.js";

/** Options shared by every command that retrieves the description. */
export const sourceOptions = {
  url: { type: "string" },
  file: { type: "string" },
  timeout: { type: "string" },
  "out-dir": { type: "string" },
} satisfies ParseArgsConfig["options"];

export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(options: T) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new SpecRejectedError((error as Error).message);
  }
}

export function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return defaultTimeoutMs;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new SpecRejectedError(`--timeout takes a positive number of milliseconds, got ${raw}`);
  }
  return ms;
}

/** One line saying why, whatever was thrown: never an empty reason. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message.split("\n")[0]!.trim() : String(error);
  if (message !== "") return message;
  const name = error instanceof Error ? error.name : typeof error;
  return `${name} without a message (run with DEBUG=1 for its stack)`;
}

/** Runs a command, turning any failure into one line on stderr and a non-zero exit code. */
export function runCli(command: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      process.stderr.write(`${command} failed: ${reasonOf(error)}\n`);
      if (!(error instanceof SpecRejectedError) && process.env["DEBUG"]) console.error(error);
      process.exitCode = 1;
    },
  );
}

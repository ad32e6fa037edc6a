/**
 * Serves the spec snapshot with Prism on a free loopback port until Ctrl-C.
 * Usage: npm run mock [-- --dynamic]
 */
import { runCli } from "./lib/cli.js";
import { startPrism } from "./lib/prism.js";

runCli("mock", async () => {
  const prism = await startPrism({ dynamic: process.argv.includes("--dynamic") });
  console.log(`Prism mock of the Dixa beta API listening on ${prism.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await prism.stop();
});

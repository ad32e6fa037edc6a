// One sample of import time (bench/cases/import-time.ts): a fresh `node` imports argv[2] once
// and prints how long `await import` took, in milliseconds. Plain JavaScript: no loader at all.
const started = performance.now();
await import(process.argv[2]);
process.stdout.write(`${performance.now() - started}\n`);

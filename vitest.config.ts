import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/unit/**/*.test.ts",
            "test/faults/**/*.test.ts",
            "test/scripts/**/*.test.ts",
            "test/types/**/*.test.ts",
            "test/package/**/*.test.ts",
            "test/webhooks/**/*.test.ts",
            "test/otel/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          // Real redis-server and several worker processes per test: heavy and timing-sensitive,
          // so these files run one at a time, after the other projects are done.
          name: "redis",
          include: ["test/redis/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // Tests that run code in a process of its own (a small heap, a crash to survive).
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // One Prism for the whole contract run, shared by every file.
          globalSetup: ["test/contract/prism-setup.ts"],
        },
      },
    ],
    typecheck: { enabled: false },
  },
});

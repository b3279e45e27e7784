import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".mosaic/**"],
    environment: "node",
    // Tests never touch a real data directory or need a generated secret.
    env: { MOSAIC_SECRET: "test-secret-0123456789abcdef0123456789abcdef", MOSAIC_DATA_DIR: ".mosaic-test" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

const forbiddenInCore = [
  "next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "@trpc/*", "drizzle-orm", "drizzle-orm/*",
  "yjs", "y-*", "@y/*", "@niivue/*", "@/db", "@/db/*", "**/db/**", "pg", "@electric-sql/*",
];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".mosaic/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "e2e/artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // The analysis core stays pure: typed arrays and plain objects in and out (STYLE.md).
    files: ["server/analysis/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: forbiddenInCore, message: "server/analysis must not import framework or database code" }] }],
    },
  },
  {
    // Only server/env.ts reads process.env.
    files: ["**/*.{ts,tsx}"],
    ignores: ["server/env.ts", "scripts/**", "e2e/**", "playwright.config.ts", "drizzle.config.ts", "bench/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/env.ts" }],
    },
  },
);

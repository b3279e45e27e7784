// The environment check runs first, so a bad environment fails fast (server/env.ts).
import { tsImport } from "tsx/esm/api";

const { env } = await tsImport("./server/env.ts", import.meta.url);
env();

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages stay outside the bundle; the custom server opens them once.
  // yjs and its protocol libraries too: one copy in the process, shared with the collab server.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "ws", "@y/websocket-server", "yjs", "y-protocols", "lib0"],
  // `npm test` type-checks the whole project; the build need not repeat it on every start.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

import type { Metadata } from "next";
import { LoginForm } from "./_components/login-form";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only local paths: never redirect to another site after sign-in.
  const returnTo = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">
          <span className="text-accent">◆</span> Mosaic
        </h1>
        <p className="mb-6 text-sm text-muted">Tumor board: lesion maps, heterogeneity, response and liquid profiling.</p>
        <LoginForm returnTo={returnTo} />
        {env().demo && (
          <div className="mt-6 rounded-md border border-line bg-surface p-3 text-xs text-muted" data-testid="demo-hint">
            Demo mode. Accounts: <span className="text-ink">coordinator@</span>, <span className="text-ink">radiologist@</span>,{" "}
            <span className="text-ink">pathologist@</span>, <span className="text-ink">oncologist@mosaic.demo</span>; password{" "}
            <span className="text-ink">mosaic-demo</span>.
          </div>
        )}
      </div>
    </main>
  );
}

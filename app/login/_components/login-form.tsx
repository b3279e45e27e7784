"use client";
import { useState } from "react";

export function LoginForm({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        window.location.assign(returnTo);
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      setError(body.error ?? `Sign-in failed (${res.status}).`);
    } catch {
      setError("The server cannot be reached. Check the connection and try again.");
    }
    setBusy(false);
  }

  const input = "w-full rounded-md border border-line bg-raised px-3 py-2 text-ink placeholder:text-faint focus:border-accent focus:outline-none";
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-line bg-surface p-5" aria-label="Sign in">
      <div>
        <label htmlFor="email" className="mb-1 block text-sm text-muted">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required className={input} />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm text-muted">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
      </div>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-accent px-3 py-2 font-medium text-canvas hover:bg-accent-strong disabled:opacity-60">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

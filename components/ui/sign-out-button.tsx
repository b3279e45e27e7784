"use client";
import { useState } from "react";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await fetch("/api/auth/logout", { method: "POST" });
        window.location.assign("/login");
      }}
      className="rounded border border-line px-2.5 py-1 text-muted hover:border-faint hover:text-ink disabled:opacity-50"
    >
      Sign out
    </button>
  );
}

"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center" role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="max-w-md text-muted">
        Mosaic could not load this page. Your data is safe; try again, and if it keeps failing, tell your administrator
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button onClick={reset} className="rounded-md border border-line px-3 py-1.5 hover:border-accent">Try again</button>
    </main>
  );
}

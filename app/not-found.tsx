import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-muted">This page does not exist, or you are not on the board it belongs to.</p>
      <Link href="/" className="text-accent hover:text-accent-strong">Back to your boards</Link>
    </main>
  );
}

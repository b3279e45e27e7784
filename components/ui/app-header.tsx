import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user, crumbs = [] }: { user: { name: string; role: string }; crumbs?: { href?: string; label: string }[] }) {
  return (
    <header className="border-b border-line bg-surface/80">
      <div className="mx-auto flex max-w-[1800px] items-center gap-4 px-6 py-3">
        <Link href="/" className="text-base font-semibold tracking-tight text-ink">
          <span className="text-accent">◆</span> Mosaic
        </Link>
        <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-2 text-sm text-muted">
          {crumbs.map((c, i) => (
            <span key={i} className="flex min-w-0 items-center gap-2">
              <span aria-hidden>/</span>
              {c.href ? (
                <Link href={c.href} className="truncate hover:text-ink">
                  {c.label}
                </Link>
              ) : (
                <span className="truncate text-ink">{c.label}</span>
              )}
            </span>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user" className="text-muted">
            {user.name} <span className="text-faint">· {user.role}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

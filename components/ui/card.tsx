export function Card({ title, actions, children, className = "", testId }: { title?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`rounded-lg border border-line bg-surface ${className}`} data-testid={testId}>
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-line px-4 py-2.5">
          <h2 className="text-sm font-semibold tracking-wide text-muted uppercase">{title}</h2>
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}

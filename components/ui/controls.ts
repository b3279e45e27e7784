/** Tailwind classes for form controls, shared by the collaboration panel and the lesion map. */
export const inputClass = "rounded border border-line bg-canvas px-2 py-1 text-sm text-ink placeholder:text-faint focus:border-accent";
export const buttonClass = "rounded border border-line px-2.5 py-1 text-sm text-muted hover:border-faint hover:text-ink disabled:opacity-50";
export const primaryButtonClass = "rounded border border-accent/50 bg-accent/10 px-2.5 py-1 text-sm font-medium text-accent-strong hover:bg-accent/20 disabled:opacity-50";

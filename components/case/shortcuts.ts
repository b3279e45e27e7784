/**
 * The presenter's keyboard shortcuts on the case view: one table, used by the key handler and
 * by the "?" list so the two cannot disagree.
 */

export type ShortcutAction = "next-case" | "prev-case" | "toggle-entropy" | "toggle-habitats" | "prev-timepoint" | "next-timepoint" | "help";

export const SHORTCUTS: { key: string; action: ShortcutAction; description: string }[] = [
  { key: "n", action: "next-case", description: "Next case on the agenda" },
  { key: "p", action: "prev-case", description: "Previous case on the agenda" },
  { key: "h", action: "toggle-entropy", description: "Heterogeneity (local entropy) overlay on/off" },
  { key: "b", action: "toggle-habitats", description: "Habitats overlay on/off" },
  { key: "[", action: "prev-timepoint", description: "Previous timepoint" },
  { key: "]", action: "next-timepoint", description: "Next timepoint" },
  { key: "?", action: "help", description: "Show or hide this list" },
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element is a text field, a select or editable content (typing, not a shortcut). */
  inEditable: boolean;
}

/** The shortcut a key press means, or null (modified keys and typing in fields are never shortcuts). */
export function shortcutFor(e: KeyInput): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.inEditable) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}

/** Whether an event target is a place where keys type text. */
export function isEditableTarget(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { type?: string }) | null;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !["button", "checkbox", "radio", "range", "submit", "reset"].includes(el.type ?? "text");
}

"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-accent/50 px-3 py-1 text-sm text-accent-strong hover:bg-accent/10" data-testid="print-button">
      Print or save as PDF
    </button>
  );
}

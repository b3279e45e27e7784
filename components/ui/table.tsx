const alignClass = { left: "text-left", right: "text-right" } as const;

export function Table({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full border-collapse text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left" }: { children?: React.ReactNode; align?: "left" | "right" }) {
  return <th className={`border-b border-line px-2 py-1.5 text-xs font-medium text-muted ${alignClass[align]}`}>{children}</th>;
}

export function Td({ children, align = "left", className = "" }: { children?: React.ReactNode; align?: "left" | "right"; className?: string }) {
  return <td className={`border-b border-line/60 px-2 py-1.5 ${alignClass[align]} ${align === "right" ? "tabular" : ""} ${className}`}>{children}</td>;
}

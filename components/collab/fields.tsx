import type { Vec3 } from "@/server/collab/doc-shape";
import { inputClass } from "./format";

export interface LesionOption {
  id: string;
  trackingId: string;
}

/** A lesion by tracking id; with `noneLabel`, also "none" (value ""). */
export function LesionSelect({ lesions, value, onChange, testId, noneLabel, className = "" }: { lesions: LesionOption[]; value: string; onChange(id: string): void; testId?: string; noneLabel?: string; className?: string }) {
  return (
    <select aria-label="Lesion" data-testid={testId} className={`${inputClass} ${className}`} value={value} onChange={(e) => onChange(e.target.value)}>
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      {lesions.map((l) => (
        <option key={l.id} value={l.id}>
          {l.trackingId}
        </option>
      ))}
    </select>
  );
}

/** x, y, z in world millimetres as three text inputs (`<prefix>-x` … test ids). */
export function PointInputs({ prefix, value, onChange, hint, className = "w-20" }: { prefix: string; value: string[]; onChange(v: string[]): void; hint?: Vec3 | null; className?: string }) {
  return (
    <>
      {(["x", "y", "z"] as const).map((axis, i) => (
        <input
          key={axis}
          aria-label={`${axis} (mm)`}
          data-testid={`${prefix}-${axis}`}
          inputMode="decimal"
          placeholder={hint ? hint[i]!.toFixed(1) : `${axis} mm`}
          className={`${inputClass} ${className}`}
          value={value[i]}
          onChange={(e) => onChange(value.map((old, j) => (j === i ? e.target.value : old)))}
        />
      ))}
    </>
  );
}

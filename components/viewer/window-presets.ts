/** CT window/level presets (Hounsfield units) and their display range. */

export interface WindowPreset {
  id: "soft-tissue" | "lung" | "liver" | "bone";
  label: string;
  widthHu: number;
  levelHu: number;
}

export const CT_WINDOWS: readonly WindowPreset[] = [
  { id: "soft-tissue", label: "Soft tissue", widthHu: 400, levelHu: 40 },
  { id: "lung", label: "Lung", widthHu: 1500, levelHu: -600 },
  { id: "liver", label: "Liver", widthHu: 150, levelHu: 60 },
  { id: "bone", label: "Bone", widthHu: 1800, levelHu: 400 },
];

export type WindowId = WindowPreset["id"];

/** The displayed intensity range of a window: level ± width / 2, in HU. */
export function windowRange(preset: Pick<WindowPreset, "widthHu" | "levelHu">): { minHu: number; maxHu: number } {
  return { minHu: preset.levelHu - preset.widthHu / 2, maxHu: preset.levelHu + preset.widthHu / 2 };
}

export function windowPreset(id: WindowId): WindowPreset {
  return CT_WINDOWS.find((w) => w.id === id) ?? CT_WINDOWS[0]!;
}

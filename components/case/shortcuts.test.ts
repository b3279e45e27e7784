import { describe, expect, it } from "vitest";
import { isEditableTarget, shortcutFor, SHORTCUTS } from "./shortcuts";

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, inEditable: false, ...extra });

describe("shortcutFor", () => {
  it("maps the presenter's keys to actions", () => {
    expect(["n", "p", "h", "b", "[", "]", "?"].map((k) => press(k))).toEqual([
      "next-case",
      "prev-case",
      "toggle-entropy",
      "toggle-habitats",
      "prev-timepoint",
      "next-timepoint",
      "help",
    ]);
  });
  it("accepts upper case letters (caps lock) but not modified keys", () => {
    expect(press("N")).toBe("next-case");
    expect(press("n", { ctrlKey: true })).toBeNull();
    expect(press("p", { metaKey: true })).toBeNull();
    expect(press("b", { altKey: true })).toBeNull();
  });
  it("ignores keys typed into fields and keys without a shortcut", () => {
    expect(press("n", { inEditable: true })).toBeNull();
    expect(press("x")).toBeNull();
    expect(press("Enter")).toBeNull();
  });
  it("lists every action once", () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});

describe("isEditableTarget", () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
  it("treats text inputs, text areas, selects and editable content as typing", () => {
    expect(isEditableTarget(el("INPUT", { type: "text" }))).toBe(true);
    expect(isEditableTarget(el("TEXTAREA"))).toBe(true);
    expect(isEditableTarget(el("SELECT"))).toBe(true);
    expect(isEditableTarget(el("DIV", { isContentEditable: true }))).toBe(true);
  });
  it("lets shortcuts through from buttons, checkboxes, ranges and the page", () => {
    expect(isEditableTarget(el("BUTTON"))).toBe(false);
    expect(isEditableTarget(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isEditableTarget(el("INPUT", { type: "range" }))).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});

/** Page object for the case view's lesion map, and pixel checks of its WebGL canvas. */
import { expect, type Page } from "@playwright/test";
import { HomePage, LoginPage } from "./pages";

export interface PixelStats {
  width: number;
  height: number;
  /** Variance of the luminance (0-255 scale). */
  variance: number;
  /** Pixels brighter than the black background (luminance > 24). */
  nonBackground: number;
}

export class LesionMapPage {
  constructor(readonly page: Page) {}

  canvas = () => this.page.getByTestId("viewer-canvas");
  status = () => this.page.getByTestId("viewer-status");
  readout = () => this.page.getByTestId("crosshair-mm");
  timepointButton = (name: RegExp) => this.page.getByTestId("timepoint-switch").getByRole("button", { name });
  legendEntry = (trackingId: string) => this.page.locator(`[data-testid="legend-lesion"][data-tracking-id="${trackingId}"]`);
  lesionRow = (trackingId: string) => this.page.getByTestId("lesion-row").filter({ has: this.page.locator("td:first-child", { hasText: new RegExp(`^${trackingId}$`) }) });

  /** Signs in and opens the n-th case of this week's meeting. */
  async openCase(index: number, email = "radiologist@mosaic.demo") {
    await this.page.goto("/login");
    await new LoginPage(this.page).signIn(email);
    await expect(this.page).toHaveURL(/\/$/);
    await new HomePage(this.page).openMeeting();
    await this.page.getByTestId("agenda-item").nth(index).click();
    await expect(this.page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  }

  async waitReady() {
    await expect(this.status()).toHaveAttribute("data-state", "ready", { timeout: 90_000 });
  }

  /** The crosshair in world mm, from the readout. */
  async crosshairMm(): Promise<[number, number, number]> {
    const v = await this.readout().getAttribute("data-mm");
    expect(v, "crosshair readout has coordinates").toBeTruthy();
    return v!.split(",").map(Number) as [number, number, number];
  }

  /** The canvas's own pixels: what the map draws over it (peers' crosshairs, annotations) is hidden for the shot. */
  async canvasPng(): Promise<string> {
    return (await this.canvas().screenshot({ style: '[data-testid="map-overlay"] { visibility: hidden; }' })).toString("base64");
  }

  async stats(png?: string): Promise<PixelStats> {
    return pixelStats(this.page, png ?? (await this.canvasPng()));
  }
}

interface PngAnalysis extends PixelStats {
  /** Where the crosshair lines cross (one-tile view). */
  crosshair: { x: number; y: number };
  /** Pixels that differ from the second image by more than 24 in some channel (null without one). */
  changed: number | null;
}

/**
 * Decodes screenshots in the page (no image library in Node) and measures them: luminance
 * statistics, the crosshair (the column and the row with the most crosshair-blue pixels; the
 * crosshair colour is rgb(107 181 237)), and the difference from a second screenshot.
 */
function analysePng(page: Page, pngBase64: string, otherBase64?: string): Promise<PngAnalysis> {
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const { data: d, width, height } = await decode(a!);
      let sum = 0;
      let sumSq = 0;
      let nonBackground = 0;
      const cols = new Array<number>(width).fill(0);
      const rows = new Array<number>(height).fill(0);
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, bl] = [d[i]!, d[i + 1]!, d[i + 2]!];
        const y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        sum += y;
        sumSq += y * y;
        if (y > 24) nonBackground++;
        if (bl > 170 && bl - r > 70 && g > 120 && g < bl) {
          cols[(i / 4) % width]++;
          rows[Math.floor(i / 4 / width)]++;
        }
      }
      const n = width * height;
      const mean = sum / n;
      let changed: number | null = null;
      if (b) {
        const o = (await decode(b)).data;
        changed = o.length !== d.length ? Number.POSITIVE_INFINITY : 0;
        for (let i = 0; i < d.length && o.length === d.length; i += 4) {
          if (Math.abs(d[i]! - o[i]!) > 24 || Math.abs(d[i + 1]! - o[i + 1]!) > 24 || Math.abs(d[i + 2]! - o[i + 2]!) > 24) changed++;
        }
      }
      return {
        width,
        height,
        variance: sumSq / n - mean * mean,
        nonBackground,
        crosshair: { x: cols.indexOf(Math.max(...cols)), y: rows.indexOf(Math.max(...rows)) },
        changed,
      };
    },
    [pngBase64, otherBase64] as const,
  );
}

export async function pixelStats(page: Page, pngBase64: string): Promise<PixelStats> {
  const { width, height, variance, nonBackground } = await analysePng(page, pngBase64);
  return { width, height, variance, nonBackground };
}

/** Pixels that differ between two same-size PNGs by more than 24 in some channel. */
export async function changedPixels(page: Page, beforeB64: string, afterB64: string): Promise<number> {
  return (await analysePng(page, afterB64, beforeB64)).changed!;
}

/** Where the crosshair lines cross on a one-tile (axial) view, in screenshot pixels. */
export async function crosshairOnScreen(page: Page, pngBase64: string): Promise<{ x: number; y: number }> {
  return (await analysePng(page, pngBase64)).crosshair;
}

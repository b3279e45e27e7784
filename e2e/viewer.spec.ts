/**
 * The case view's lesion map on the seeded demo: the CT renders (checked by its pixels), the
 * heterogeneity overlay changes the image, lesion selection moves the crosshair both ways, a
 * timepoint switch keeps the selected lesion, and failures show a message. Screenshots of the case
 * view at both meeting-room sizes are kept under e2e/artifacts/.
 */
import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { LesionMapPage, changedPixels, crosshairOnScreen } from "./lesion-map-page";

const ARTIFACTS = "e2e/artifacts";
// The demo CT shows the body over a black background: a blank or uniform canvas fails both.
const MIN_VARIANCE = 200;
const MIN_NON_BACKGROUND_FRACTION = 0.1;
// Entropy maps come from the analysis jobs the demo seed queues; on a fresh start they run in the
// background, and the case view picks them up when they are stored.
const ANALYSIS_TIMEOUT = 600_000;

test.describe("lesion map", () => {
  test.describe.configure({ timeout: 150_000 });

  test("shows the CT: the canvas is not blank", async ({ page }) => {
    const map = new LesionMapPage(page);
    await map.openCase(0);
    const opened = Date.now();
    await map.waitReady();
    test.info().annotations.push({ type: "first CT shown after", description: `${Date.now() - opened} ms (headless software WebGL)` });
    await expect(map.status()).toContainText("CT");
    await expect
      .poll(async () => {
        const s = await map.stats();
        return s.variance > MIN_VARIANCE && s.nonBackground / (s.width * s.height) > MIN_NON_BACKGROUND_FRACTION;
      }, { timeout: 30_000, message: "canvas pixels show an image" })
      .toBe(true);
    const s = await map.stats();
    expect(s.width).toBeGreaterThan(300);
    expect(s.height).toBeGreaterThan(300);
  });

  test("toggling the heterogeneity overlay changes the pixels, and back", async ({ page }) => {
    test.setTimeout(ANALYSIS_TIMEOUT + 120_000);
    const map = new LesionMapPage(page);
    await map.openCase(0);
    await map.waitReady();
    const toggle = page.getByTestId("overlay-toggle-entropy");
    await expect(toggle).toBeEnabled({ timeout: ANALYSIS_TIMEOUT });
    await map.waitReady();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    // Wait for a stable first frame, then compare.
    let before = await map.canvasPng();
    await expect.poll(async () => changedPixels(page, before, (before = await map.canvasPng())), { timeout: 20_000 }).toBe(0);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("region", { name: "Heterogeneity scale" })).toContainText("bits");
    await expect.poll(async () => changedPixels(page, before, await map.canvasPng()), { timeout: 20_000, message: "entropy overlay drawn" }).toBeGreaterThan(50);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect.poll(async () => changedPixels(page, before, await map.canvasPng()), { timeout: 20_000, message: "entropy overlay removed" }).toBe(0);
  });

  test("selecting a lesion row moves the crosshair to that lesion's centroid", async ({ page }) => {
    const map = new LesionMapPage(page);
    await map.openCase(0);
    await map.waitReady();
    const start = await map.crosshairMm();

    await map.lesionRow("L3").click();
    await expect(map.lesionRow("L3")).toHaveAttribute("aria-selected", "true");
    await expect(map.readout()).toHaveAttribute("data-lesion", "L3");
    const atL3 = await map.crosshairMm();
    expect(Math.hypot(atL3[0] - start[0], atL3[1] - start[1], atL3[2] - start[2])).toBeGreaterThan(10);
    await expect(map.legendEntry("L3")).toHaveAttribute("aria-pressed", "true");

    await map.lesionRow("L2").click();
    await expect(map.readout()).toHaveAttribute("data-lesion", "L2");
    await expect(map.lesionRow("L3")).toHaveAttribute("aria-selected", "false");
  });

  test("clicking a lesion in the viewer selects it in the lesion table", async ({ page }) => {
    const map = new LesionMapPage(page);
    await map.openCase(0);
    await map.waitReady();
    // With nothing selected the map opens on the first lesion: the crosshair marks where it is drawn.
    await expect(map.readout()).toHaveAttribute("data-lesion", "L1");
    await expect(page.locator('[data-testid="lesion-row"][aria-selected="true"]')).toHaveCount(0);
    const point = await crosshairOnScreen(page, await map.canvasPng());
    await map.canvas().click({ position: point });
    await expect(map.lesionRow("L1")).toHaveAttribute("aria-selected", "true");
    await expect(map.legendEntry("L1")).toHaveAttribute("aria-pressed", "true");
  });

  test("switching timepoints keeps the selected lesion under the crosshair", async ({ page }) => {
    const map = new LesionMapPage(page);
    await map.openCase(0);
    await map.waitReady();
    await map.lesionRow("L3").click();
    await expect(map.readout()).toHaveAttribute("data-lesion", "L3");

    for (const name of [/Baseline/, /Follow-up 1/]) {
      await map.timepointButton(name).click();
      await expect(map.timepointButton(name)).toHaveAttribute("aria-pressed", "true");
      await map.waitReady();
      await expect(map.status()).toContainText(name);
      await expect(map.readout()).toHaveAttribute("data-lesion", "L3");
    }
  });

  test("a missing or corrupt scan shows a clear message instead of a blank canvas", async ({ page }) => {
    const map = new LesionMapPage(page);
    await page.route("**/api/volumes/**", (route) => route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: "No such volume, or you are not on its case's board." }) }));
    await map.openCase(1);
    await expect(map.status()).toHaveAttribute("data-state", "error", { timeout: 60_000 });
    await expect(page.getByTestId("lesion-map").getByRole("alert")).toContainText("The CT is not available");

    await page.unroute("**/api/volumes/**");
    await page.route("**/api/volumes/**", (route) => route.fulfill({ status: 200, contentType: "application/gzip", body: Buffer.from("this is not a NIfTI file, it is long enough to pass the size check ".repeat(8)) }));
    await page.reload();
    await expect(map.status()).toHaveAttribute("data-state", "error", { timeout: 60_000 });
    await expect(page.getByTestId("lesion-map").getByRole("alert")).toContainText("corrupt");
  });

  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    test(`case view screenshot at ${size.width}x${size.height}`, async ({ page }) => {
      test.setTimeout(ANALYSIS_TIMEOUT + 120_000);
      await page.setViewportSize(size);
      const map = new LesionMapPage(page);
      await map.openCase(0);
      await map.waitReady();
      await map.lesionRow("L3").click();
      await expect(map.readout()).toHaveAttribute("data-lesion", "L3");
      await expect(page.getByTestId("overlay-toggle-entropy")).toBeEnabled({ timeout: ANALYSIS_TIMEOUT });
      await map.waitReady();
      await page.getByTestId("overlay-toggle-entropy").click();
      await expect.poll(async () => (await map.stats()).variance, { timeout: 20_000 }).toBeGreaterThan(MIN_VARIANCE);
      // Scrolled to, the whole lesion map (switcher, controls, scan, readout) fits on the screen.
      const box = await page.getByTestId("lesion-map-card").boundingBox();
      expect(box!.height).toBeLessThanOrEqual(size.height);
      // The controls do not overflow the card.
      const fits = await page.getByTestId("lesion-map").evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}/case-view-${size.width}x${size.height}.png` });
      await page.screenshot({ path: `${ARTIFACTS}/case-view-${size.width}x${size.height}-full.png`, fullPage: true });
      // What the presenter sees once scrolled to the map.
      await page.getByTestId("lesion-map-card").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/case-view-${size.width}x${size.height}-map.png` });
    });
  }
});

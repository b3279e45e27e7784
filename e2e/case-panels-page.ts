/** Page object for the case view's panels (lesions, response, liquid, biopsy, heterogeneity) and the meeting flow. */
import { expect, type Page } from "@playwright/test";
import { HomePage, LoginPage } from "./pages";

export class CasePanelsPage {
  constructor(readonly page: Page) {}

  response = () => this.page.getByTestId("response-panel");
  liquid = () => this.page.getByTestId("liquid-panel");
  biopsy = () => this.page.getByTestId("biopsy-panel");
  heterogeneity = () => this.page.getByTestId("heterogeneity-panel");
  lesions = () => this.page.getByTestId("lesions");
  lesionRow = (trackingId: string) => this.page.locator(`[data-testid="lesion-row"][data-tracking-id="${trackingId}"]`);
  position = () => this.page.getByTestId("agenda-position");

  /** Signs in and returns the agenda's case URLs in meeting order. */
  async signInAndListAgenda(email = "radiologist@mosaic.demo"): Promise<string[]> {
    await this.page.goto("/login");
    await new LoginPage(this.page).signIn(email);
    await expect(this.page).toHaveURL(/\/$/);
    await new HomePage(this.page).openMeeting();
    const items = this.page.getByTestId("agenda-item");
    await expect(items).toHaveCount(3);
    return items.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  }

  /** Waits until every chart has drawn (the charts hydrate after the server-rendered tables). */
  async waitForCharts() {
    await expect(this.response().getByTestId("spider-plot").locator("path.recharts-line-curve").first()).toBeVisible();
    await expect(this.response().getByTestId("waterfall-bar").first()).toBeVisible();
    await expect(this.liquid().getByTestId("liquid-chart").locator("path.recharts-line-curve").first()).toBeVisible();
  }

  /** Screenshot of the first screen and of the whole page at the viewport's width. */
  async screenshots(name: string) {
    const size = this.page.viewportSize()!;
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `e2e/artifacts/${name}-${size.width}x${size.height}.png` });
    const full = await this.page.evaluate(() => document.documentElement.scrollHeight);
    // A tall viewport instead of fullPage: the charts re-measure at the real width before the capture.
    await this.page.setViewportSize({ width: size.width, height: full });
    await this.waitForCharts();
    // Two animation frames: the charts' resize observers have re-laid them out at the new size.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await this.page.screenshot({ path: `e2e/artifacts/${name}-${size.width}-full.png` });
    await this.page.setViewportSize(size);
  }
}

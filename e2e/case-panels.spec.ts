import { test, expect } from "@playwright/test";
import { CasePanelsPage } from "./case-panels-page";

/**
 * The case view's panels on the three demo cases (shared/DEMO.md): each panel draws its chart
 * with the case's data and tells the case's story; the presenter's navigation and shortcuts; the
 * one-page print summary; screenshots at 1920x1080 and 1366x768 in e2e/artifacts/.
 */

const stories = [
  { name: "case-1-crc", lastResponse: "PD", variant: "KRAS p.G12D", firstBiopsy: "L3", flags: ["molecular-response", "emerging-variant", "discordance"], timepoints: 4 },
  { name: "case-2-lung", lastResponse: "PR", variant: "EGFR p.C797S", firstBiopsy: "A1", flags: ["molecular-progression", "emerging-variant", "discordance"], timepoints: 3 },
  { name: "case-3-melanoma", lastResponse: "iPR", variant: "BRAF p.V600E", firstBiopsy: null, flags: ["clearance", "discordance"], timepoints: 3 },
] as const;

test("each demo case shows every panel's chart with its data and its story", async ({ page }) => {
  test.setTimeout(180_000);
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  for (const [i, story] of stories.entries()) {
    await page.goto(hrefs[i]!);
    await view.waitForCharts();

    // Response: the RECIST table per timepoint, spider lines per lesion, waterfall bars.
    const rows = view.response().getByTestId("recist-row");
    await expect(rows).toHaveCount(story.timepoints);
    const spiderLines = view.response().getByTestId("spider-plot").locator("path.recharts-line-curve");
    expect(await spiderLines.count()).toBeGreaterThanOrEqual(3);
    expect(await spiderLines.first().getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await view.response().getByTestId("waterfall-bar").count()).toBeGreaterThanOrEqual(3);
    await expect(view.response().getByTestId("response-summary")).toContainText(story.lastResponse);

    // Liquid: one line per variant and marker, not-detected points at the LOD, the case's flags.
    await expect(view.liquid().getByTestId("liquid-legend")).toContainText(story.variant);
    expect(await view.liquid().getByTestId("liquid-chart").locator("path.recharts-line-curve").count()).toBeGreaterThanOrEqual(2);
    await expect(view.liquid().getByTestId("nd-point").first()).toBeVisible();
    await expect(view.liquid().getByTestId("imaging-marker")).toHaveCount(story.timepoints);
    for (const kind of story.flags) await expect(view.liquid().locator(`[data-testid="liquid-flag"][data-kind="${kind}"]`).first()).toBeVisible();

    // Biopsy: ranked suggestions with their reasons.
    const targets = view.biopsy().getByTestId("biopsy-target");
    expect(await targets.count()).toBeGreaterThanOrEqual(3);
    if (story.firstBiopsy) await expect(targets.first()).toHaveAttribute("data-tracking-id", story.firstBiopsy);
    await expect(targets.first().getByTestId("biopsy-reason")).toHaveCount(4);

    // Lesions: one row per lesion with a size sparkline; heterogeneity states the caveat.
    await expect(page.getByTestId("lesion-row")).toHaveCount(5);
    await expect(view.lesions().getByTestId("sparkline").locator("path.recharts-line-curve").first()).toBeVisible();
    await expect(view.heterogeneity().getByTestId("repeatability-caveat")).toContainText("not perfectly repeatable");
  }
});

test("heterogeneity shows ITH with its parts, the dendrogram and heatmap, and the index once the scans are analysed", async ({ page }) => {
  // The demo's scans are analysed in the background after the first start; the page refreshes itself.
  test.setTimeout(600_000);
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  await page.goto(hrefs[0]!);
  const panel = view.heterogeneity();
  await expect(panel.getByTestId("dendrogram").locator("path").first()).toBeVisible({ timeout: 540_000 });
  await expect(panel.getByTestId("heatmap-row")).toHaveCount(5);
  expect(await panel.getByTestId("heatmap-cell").count()).toBe(5 * 9);
  expect(await panel.getByTestId("ith-row").count()).toBeGreaterThanOrEqual(4);
  await expect(panel.getByTestId("ith-table")).toContainText("bits");
  await expect(panel.getByTestId("interlesional-index")).toContainText(/\d\.\d\d SD mean pairwise distance/);
  expect(await panel.getByTestId("phenotypes").locator("li").count()).toBeGreaterThanOrEqual(2);
  await expect(view.lesionRow("L1").locator("td").nth(5)).toHaveText(/^\d+ \/ 100$|too small/);
});

// The time to the panels is recorded as an annotation, not asserted: speed targets are reported
// as numbers (the brief), and a loaded CI machine would make a timed assertion flaky.
test("the panels come with the page's HTML (server-rendered), and the time to show them is recorded", async ({ page }) => {
  test.setTimeout(600_000);
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  // As before a meeting: every case's scans analysed, nothing else running on the server.
  for (const href of hrefs) {
    const input = encodeURIComponent(JSON.stringify({ caseId: href.split("/").pop() }));
    await expect
      .poll(async () => (await (await page.request.get(`/api/trpc/panels.progress?input=${input}`)).json()).result.data.open, { timeout: 540_000, intervals: [2000] })
      .toBe(0);
  }
  for (const href of hrefs) {
    const html = await (await page.request.get(href)).text();
    for (const id of ["lesion-row", "recist-table", "liquid-flag", "biopsy-target", "repeatability-caveat"]) expect(html, `${href} server-renders ${id}`).toContain(`data-testid="${id}"`);
    // Warm, from a blank page so that tearing down the previous page's WebGL viewer is not
    // counted: from navigation to the panels' content on screen; the median of three visits,
    // each after the previous one's lesion map finished loading its volumes (a quiet server).
    const settled = () => expect(page.getByTestId("viewer-status")).toHaveAttribute("data-state", /ready|error|idle/, { timeout: 90_000 });
    await page.goto(href);
    await settled();
    const times: number[] = [];
    for (let visit = 0; visit < 3; visit++) {
      if (visit > 0) await settled();
      await page.goto("about:blank");
      const started = Date.now();
      await page.goto(href, { waitUntil: "commit" });
      await expect(view.response().getByTestId("response-summary")).toBeVisible();
      await expect(page.getByTestId("lesion-row").first()).toBeVisible();
      await expect(view.liquid().getByTestId("liquid-flag").first()).toBeVisible();
      times.push(Date.now() - started);
    }
    const shownMs = times.sort((a, b) => a - b)[1]!;
    test.info().annotations.push({ type: "panels shown", description: `${href}: ${times.join(", ")} ms` });
    console.log(`panels shown after navigation, ${href}: ${times.join(", ")} ms (median ${shownMs} ms; target under 1000 ms)`);
  }
});

test("case 1 reads as a mixed response with L3 growing; case 3 as iUPD not confirmed", async ({ page }) => {
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  await page.goto(hrefs[0]!);
  const rows = view.response().getByTestId("recist-row");
  await expect(rows.last().getByTestId("recist-response")).toHaveText("PD");
  await expect(view.response().getByTestId("mixed-response")).toContainText("L3 +72 %");
  await expect(view.lesionRow("L3").locator("td").nth(4)).toHaveText("+72 %");
  await expect(page.getByTestId("board-question")).toContainText("biopsy L3");

  await page.goto(hrefs[2]!);
  const irecist = view.response().getByTestId("recist-row").getByTestId("irecist-response");
  await expect(irecist).toHaveText(["iUPD", "iPR"]);
  await expect(view.liquid().locator('[data-testid="liquid-flag"][data-kind="clearance"]')).toContainText("ctDNA clearance");
});

test("the lesion table sorts, and a row or a biopsy target selects its lesion", async ({ page }) => {
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  await page.goto(hrefs[0]!);
  const firstCells = page.getByTestId("lesion-row").locator("td:first-child");
  await expect(firstCells).toHaveText(["L1", "L2", "L3", "L4", "L5"]);
  await view.lesions().getByRole("button", { name: /vs nadir/ }).click();
  await expect(firstCells.first()).toHaveText("L3");
  await expect(view.lesions().locator("th[aria-sort]")).toHaveAttribute("aria-sort", "descending");

  await view.lesionRow("L4").click();
  await expect(view.lesionRow("L4")).toHaveAttribute("aria-selected", "true");
  await view.biopsy().locator('[data-testid="biopsy-target"][data-tracking-id="L5"]').getByTestId("show-on-map").click();
  await expect(view.lesionRow("L5")).toHaveAttribute("aria-selected", "true");
  await expect(view.lesionRow("L4")).toHaveAttribute("aria-selected", "false");
});

test("the presenter moves through the agenda with the buttons and the keyboard", async ({ page }) => {
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  await page.goto(hrefs[0]!);
  await expect(view.position()).toHaveText("Case 1 of 3");
  await expect(page.getByTestId("prev-case")).toHaveAttribute("aria-disabled", "true");

  await page.getByTestId("next-case").click();
  await expect(page).toHaveURL(hrefs[1]!);
  await expect(view.position()).toHaveText("Case 2 of 3");

  await page.locator("body").press("n");
  await expect(page).toHaveURL(hrefs[2]!);
  await expect(view.position()).toHaveText("Case 3 of 3");
  await expect(page.getByTestId("next-case")).toHaveAttribute("aria-disabled", "true");

  await page.locator("body").press("p");
  await expect(page).toHaveURL(hrefs[1]!);
  await page.getByTestId("prev-case").click();
  await expect(page).toHaveURL(hrefs[0]!);

  await page.locator("body").press("?");
  const help = page.getByTestId("shortcut-help");
  await expect(help).toBeVisible();
  await expect(help).toContainText("Heterogeneity (local entropy) overlay on/off");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("h toggles the lesion map's heterogeneity overlay through the shared viewer state", async ({ page }) => {
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  await page.goto(hrefs[0]!);
  await expect(page.getByTestId("viewer-status")).toHaveAttribute("data-state", "ready", { timeout: 90_000 });
  const toggle = page.getByTestId("overlay-toggle-entropy");
  const before = await toggle.getAttribute("aria-checked");
  await page.locator("body").press("h");
  await expect(toggle).toHaveAttribute("aria-checked", before === "true" ? "false" : "true");
});

test("the case summary prints on one A4 page", async ({ page }) => {
  const view = new CasePanelsPage(page);
  const hrefs = await view.signInAndListAgenda();
  for (const href of hrefs) {
    await page.goto(`${href}/summary`);
    const sheet = page.getByTestId("summary-sheet");
    await expect(sheet.locator("path.recharts-line-curve").first()).toBeVisible();
    await expect(sheet.getByTestId("waterfall-bar").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages, `${href}/summary prints on one page`).toHaveLength(1);
    await page.emulateMedia({ media: "screen" });
  }
  await page.screenshot({ path: "e2e/artifacts/case-summary-case-3.png" });
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`screenshots of the three cases at ${size.width}x${size.height}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const view = new CasePanelsPage(page);
    const hrefs = await view.signInAndListAgenda();
    for (const [i, story] of stories.entries()) {
      await page.goto(hrefs[i]!);
      await view.waitForCharts();
      await expect(page.getByTestId("viewer-status")).toHaveAttribute("data-state", /ready|error|idle/, { timeout: 90_000 });
      await view.screenshots(story.name);
    }
  });
}

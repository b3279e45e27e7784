/**
 * The live shared case view with two browser contexts signed in as different board members
 * (issue 6): presence, an annotation, a comment with a mention, a biopsy-mark change and a
 * decision-draft edit made in one appear in the other; follow-the-presenter moves the
 * follower's view; edits made offline sync when the network returns; finalizing records the
 * decision. Assumes <CollabPanel> is mounted on /cases/<id> (components/collab/README.md).
 */
import { mkdirSync } from "node:fs";
import { test, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LoginPage } from "./pages";
import { LesionMapPage, crosshairOnScreen } from "./lesion-map-page";

class CollabPanelPage {
  constructor(readonly page: Page) {}
  status = () => this.page.getByTestId("collab-status");
  avatars = () => this.page.getByTestId("presence-avatar");
  annotations = () => this.page.getByTestId("annotation-item");
  threads = () => this.page.getByTestId("thread-item");
  marks = () => this.page.getByTestId("biopsy-mark");
  editor = () => this.page.getByTestId("decision-editor");

  async open(caseId: string) {
    await this.page.goto(`/cases/${caseId}`);
    // The sync message is handled on the page's main thread, which the viewer's first scan load
    // (software WebGL here) shares: on a busy 2-core machine that takes well over the default wait.
    await expect(this.status()).toHaveText("live", { timeout: 60_000 });
    // One scan load at a time: the browsers share Chromium's software-GL process, and a page
    // compiling NiiVue's shaders while another loads its scan can stall both.
    await expect(this.page.getByTestId("viewer-status")).toHaveAttribute("data-state", "ready", { timeout: 90_000 });
  }
  async addAnnotation(label: string, [x, y, z]: [string, string, string]) {
    await this.page.getByTestId("annotation-text").fill(label);
    await this.page.getByTestId("annotation-x").fill(x);
    await this.page.getByTestId("annotation-y").fill(y);
    await this.page.getByTestId("annotation-z").fill(z);
    await this.page.getByTestId("annotation-add").click();
  }
  async startThread(text: string, mention?: string) {
    await this.page.getByTestId("thread-new-text").fill(text);
    if (mention) await this.page.getByTestId("thread-new-mention").selectOption({ label: mention });
    await this.page.getByTestId("thread-new-send").click();
  }
}

// Two browsers, each loading the viewer in software WebGL, on a 2-core machine.
test.describe.configure({ timeout: 180_000 });

// Each test's browsers leave the case when it ends: an open page would stay in the room, and
// (following the next test's presenter) show up there as a participant.
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function signedIn(browser: Browser, email: string): Promise<CollabPanelPage> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto("/login");
  await new LoginPage(page).signIn(email);
  await expect(page).toHaveURL(/\/$/);
  return new CollabPanelPage(page);
}

async function firstCaseId(page: Page): Promise<string> {
  const res = await page.request.get("/api/trpc/cases.list");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: { data: { id: string }[] } }).result.data[0]!.id;
}

test("two board members edit one case view live, follow the presenter and finalize", async ({ browser }) => {
  const onc = await signedIn(browser, "oncologist@mosaic.demo");
  const path = await signedIn(browser, "pathologist@mosaic.demo");
  const caseId = await firstCaseId(onc.page);
  await onc.open(caseId);
  await path.open(caseId);

  // Presence: both see both.
  for (const p of [onc, path]) {
    await expect(p.avatars()).toHaveCount(2);
    await expect(p.avatars().filter({ hasText: "Oskar Lindqvist" })).toHaveCount(1);
    await expect(p.avatars().filter({ hasText: "Paula Okafor" })).toHaveCount(1);
  }

  // An annotation, with markup that must stay text.
  await onc.addAnnotation("Necrotic rim <img src=x onerror=window.__xss=1>", ["10", "-20", "35.5"]);
  await expect(path.annotations().filter({ hasText: "Necrotic rim <img src=x onerror=window.__xss=1>" })).toHaveCount(1);
  await expect(path.annotations().first()).toContainText("(10.0, -20.0, 35.5) mm");
  expect(await path.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // A thread mentioning the pathologist: it is unread for her, with the mention, until she replies.
  await onc.startThread("Is L3 reachable percutaneously?", "Dr. Paula Okafor (pathologist)");
  const thread = path.threads().filter({ hasText: "Is L3 reachable percutaneously?" });
  await expect(thread).toHaveCount(1);
  await expect(thread.getByTestId("mention")).toHaveText("@Dr. Paula Okafor");
  await expect(path.page.getByTestId("unread-item").getByTestId("unread-mention")).toHaveText("mentions you");
  await thread.getByTestId("comment-text").fill("Yes, from a posterior approach.");
  await thread.getByTestId("comment-send").click();
  await expect(path.page.getByTestId("unread-item")).toHaveCount(0);
  await expect(onc.threads().filter({ hasText: "Is L3 reachable" }).getByTestId("comment-item")).toHaveCount(2);

  // A biopsy target added and accepted by the pathologist; the oncologist sees the status live.
  await path.page.getByTestId("biopsy-add-lesion").selectOption({ label: "L3" });
  await path.page.getByTestId("biopsy-add-x").fill("12");
  await path.page.getByTestId("biopsy-add-y").fill("-8");
  await path.page.getByTestId("biopsy-add-z").fill("40");
  await path.page.getByTestId("biopsy-add").click();
  const mark = (p: CollabPanelPage) => p.marks().filter({ hasText: "(12.0, -8.0, 40.0) mm" });
  await expect(mark(onc)).toHaveAttribute("data-status", "proposed");
  await mark(path).getByTestId("biopsy-accepted").click();
  await expect(mark(onc)).toHaveAttribute("data-status", "accepted");
  await expect(onc.page.getByTestId("biopsy-accepted")).toHaveCount(0);

  // The decision draft, co-edited.
  await onc.editor().click();
  await onc.page.keyboard.type("Biopsy L3 before any change of therapy.");
  await expect(path.editor()).toContainText("Biopsy L3 before any change of therapy.");
  await path.editor().click();
  await path.page.keyboard.press("End");
  await path.page.keyboard.type(" Posterior approach.");
  await expect(onc.editor()).toContainText("Biopsy L3 before any change of therapy. Posterior approach.");

  // Follow the presenter: the oncologist presents and moves; the pathologist's view follows until she takes control.
  await onc.page.getByTestId("present-toggle").click();
  await expect(path.page.getByTestId("follow-status")).toHaveText("Following Dr. Oskar Lindqvist");
  const options = await onc.page.getByTestId("view-timepoint").locator("option:not([disabled])").allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await onc.page.getByTestId("view-timepoint").selectOption({ label: options[0]! });
  await expect(path.page.getByTestId("my-view")).toContainText(options[0]!);
  await onc.page.getByTestId("view-timepoint").selectOption({ label: options.at(-1)! });
  await expect(path.page.getByTestId("my-view")).toContainText(options.at(-1)!);
  await path.page.getByTestId("follow-toggle").click();
  await expect(path.page.getByTestId("follow-status")).toHaveText("Dr. Oskar Lindqvist is presenting");
  await onc.page.getByTestId("view-timepoint").selectOption({ label: options[0]! });
  await expect(onc.page.getByTestId("my-view")).toContainText(options[0]!);
  await expect(path.page.getByTestId("my-view")).toContainText(options.at(-1)!);

  // Finalizing is for the oncologist (and coordinator), not the pathologist.
  await expect(path.page.getByTestId("decision-finalize")).toHaveCount(0);
  await onc.page.getByTestId("decision-finalize").click();
  const v1 = onc.page.locator('[data-testid="decision-version"][data-version="1"]');
  await expect(v1.getByTestId("decision-text")).toHaveText("Biopsy L3 before any change of therapy. Posterior approach.");
  await expect(v1).toContainText("Dr. Paula Okafor (pathologist)");
  await path.page.reload();
  await expect(path.page.locator('[data-testid="decision-version"][data-version="1"]')).toContainText("Posterior approach.");
});

test("edits made offline sync when the network returns", async ({ browser }) => {
  const rad = await signedIn(browser, "radiologist@mosaic.demo");
  const coord = await signedIn(browser, "coordinator@mosaic.demo");
  const caseId = await firstCaseId(rad.page);
  await rad.open(caseId);
  await coord.open(caseId);

  await rad.page.context().setOffline(true);
  await expect(rad.status()).toHaveText("offline — your edits will sync");
  await rad.addAnnotation("Measured while offline", ["1", "2", "3"]);
  await expect(rad.annotations().filter({ hasText: "Measured while offline" })).toHaveCount(1);
  await expect(coord.annotations().filter({ hasText: "Measured while offline" })).toHaveCount(0);

  await rad.page.context().setOffline(false);
  await expect(rad.status()).toHaveText("live");
  await expect(coord.annotations().filter({ hasText: "Measured while offline" })).toHaveCount(1);
});

test("on the lesion map: each participant's crosshair, the presenter's view followed, annotations drawn on the scan", async ({ browser }) => {
  const rad = await signedIn(browser, "radiologist@mosaic.demo");
  const coord = await signedIn(browser, "coordinator@mosaic.demo");
  const caseId = await firstCaseId(rad.page);
  await rad.open(caseId);
  await coord.open(caseId);
  const radMap = new LesionMapPage(rad.page);
  const coordMap = new LesionMapPage(coord.page);
  await radMap.waitReady();
  await coordMap.waitReady();

  // The radiologist presents and clicks on the scan; the coordinator's map follows to the same point.
  await rad.page.getByTestId("present-toggle").click();
  await expect(coord.page.getByTestId("follow-status")).toHaveText("Following Dr. Ravi Menon");
  const box = (await radMap.canvas().boundingBox())!;
  await radMap.canvas().click({ position: { x: box.width * 0.42, y: box.height * 0.55 } });
  const target = await radMap.crosshairMm();
  await expect.poll(async () => (await coordMap.crosshairMm()).map((v, i) => Math.abs(v - target[i]!)).every((d) => d < 0.05), { message: "follower's crosshair at the presenter's" }).toBe(true);

  // The presenter's crosshair is drawn on the follower's map where NiiVue draws the follower's own
  // (they are the same point): the overlay's projection agrees with NiiVue's rendering.
  const radOnCoord = coord.page.locator('[data-testid="peer-crosshair"][data-peer="Dr. Ravi Menon"]');
  await expect(radOnCoord).toHaveAttribute("data-on-slice", "true");
  const drawn = { x: Number(await radOnCoord.getAttribute("data-x")), y: Number(await radOnCoord.getAttribute("data-y")) };
  const own = await crosshairOnScreen(coord.page, await coordMap.canvasPng());
  expect(Math.abs(drawn.x - own.x), `peer crosshair x ${drawn.x} vs NiiVue's ${own.x}`).toBeLessThanOrEqual(3);
  expect(Math.abs(drawn.y - own.y), `peer crosshair y ${drawn.y} vs NiiVue's ${own.y}`).toBeLessThanOrEqual(3);

  // The coordinator navigates on her own map: that takes control, and her crosshair appears on the presenter's map.
  const cbox = (await coordMap.canvas().boundingBox())!;
  await coordMap.canvas().click({ position: { x: cbox.width * 0.6, y: cbox.height * 0.45 } });
  await expect(coord.page.getByTestId("follow-status")).toHaveText("Dr. Ravi Menon is presenting");
  await expect(rad.page.locator('[data-testid="peer-crosshair"][data-peer="Dr. Clara Brandt"]')).toHaveAttribute("data-on-slice", "true");

  // The radiologist measures a line on the scan with the line tool and labels it.
  await rad.page.getByTestId("map-tools").getByRole("button", { name: "Line" }).click();
  await rad.page.getByTestId("map-overlay").click({ position: { x: box.width * 0.35, y: box.height * 0.5 } });
  await rad.page.getByTestId("map-overlay").click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await expect(rad.page.getByTestId("map-annotation-form")).toContainText(/New line, \d+\.\d mm/);
  await rad.page.getByTestId("map-annotation-label").fill("Rim to hilum <b>x</b>");
  await rad.page.getByTestId("map-annotation-save").click();
  const onRad = rad.page.locator('[data-testid="map-annotation"][data-kind="line"]');
  await expect(onRad).toHaveCount(1);
  const length = (await onRad.textContent())!.match(/(\d+\.\d) mm/)![1]!;
  // The coordinator is on the same slice: she sees it drawn, and listed with the same length.
  await expect(coord.page.locator('[data-testid="map-annotation"][data-kind="line"]')).toContainText(`Rim to hilum <b>x</b> · ${length} mm`);
  await expect(coord.annotations().filter({ hasText: "Rim to hilum <b>x</b>" })).toContainText(`line ${length} mm`);

  // A region: three corners and Enter.
  await rad.page.getByTestId("map-tools").getByRole("button", { name: "Region" }).click();
  for (const [fx, fy] of [
    [0.4, 0.4],
    [0.5, 0.4],
    [0.45, 0.5],
  ] as const)
    await rad.page.getByTestId("map-overlay").click({ position: { x: box.width * fx, y: box.height * fy } });
  await rad.page.keyboard.press("Enter");
  await rad.page.getByTestId("map-annotation-label").fill("Enhancing part");
  await rad.page.keyboard.press("Enter");
  await expect(coord.page.locator('[data-testid="map-annotation"][data-kind="roi"]')).toContainText(/Enhancing part · \d+(\.\d)? (mm²|cm²)/);
  mkdirSync("e2e/artifacts", { recursive: true });
  await coord.page.getByTestId("lesion-map-card").screenshot({ path: "e2e/artifacts/collab-lesion-map.png" });

  // Following again: the presenter's timepoint switch on the map switches the follower's map.
  await coord.page.getByTestId("follow-toggle").click();
  await expect(coord.page.getByTestId("follow-status")).toHaveText("Following Dr. Ravi Menon");
  const radSwitch = rad.page.getByTestId("timepoint-switch").getByRole("button", { disabled: false });
  const first = radSwitch.first();
  const firstLabel = (await first.locator("span").first().textContent())!;
  await first.click();
  await expect(coord.page.getByTestId("timepoint-switch").getByRole("button", { pressed: true })).toContainText(firstLabel);
  await coordMap.waitReady();
  // The line was drawn on another timepoint: it is not shown on this one.
  await expect(coord.page.locator('[data-testid="map-annotation"][data-kind="line"]')).toHaveCount(0);
});

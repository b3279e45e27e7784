import { test, expect } from "@playwright/test";
import { HomePage, LoginPage } from "./pages";

test("an unauthenticated visit is sent to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await new LoginPage(page).signIn("radiologist@mosaic.demo");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-user")).toContainText("radiologist");
});

test("a wrong password shows a clear error and no session", async ({ page }) => {
  await page.goto("/login");
  await new LoginPage(page).signIn("radiologist@mosaic.demo", "wrong-password");
  await expect(page.getByTestId("login-error")).toHaveText("Email or password is not correct.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the radiologist signs in, opens the meeting and every case, and signs out", async ({ page }) => {
  await page.goto("/login");
  await new LoginPage(page).signIn("radiologist@mosaic.demo");
  const home = new HomePage(page);
  await expect(home.nextMeeting()).toContainText("Thoracic & GI tumor board");
  await expect(home.agendaItems()).toHaveCount(3);

  await home.openMeeting();
  const items = page.getByTestId("agenda-item");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("Metastatic colorectal cancer");
  await expect(items.nth(0)).toContainText("biopsy L3?");
  await expect(items.nth(1)).toContainText("EGFR-mutant lung adenocarcinoma");
  await expect(items.nth(2)).toContainText("pseudoprogression");

  const hrefs = await items.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const expected = [
    { pseudonym: "MOS-CRC-0417", lesions: ["L1", "L2", "L3", "L4", "L5"] },
    { pseudonym: "MOS-LUN-0952", lesions: ["P1", "N1", "A1", "R1", "R2"] },
    { pseudonym: "MOS-MEL-1288", lesions: ["S1", "H1", "N1", "U1", "U2"] },
  ];
  for (const [i, href] of hrefs.entries()) {
    await page.goto(href);
    await expect(page.getByTestId("patient-summary")).toContainText(expected[i]!.pseudonym);
    const rows = page.getByTestId("lesion-row");
    await expect(rows).toHaveCount(5);
    await expect(rows.locator("td:first-child")).toHaveText(expected[i]!.lesions);
  }
  await new HomePage(page).signOut();
  await page.goto(hrefs[0]!);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("the health endpoint reports the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
});

test("cases.list over HTTP without a session is UNAUTHORIZED", async ({ request }) => {
  const res = await request.get("/api/trpc/cases.list");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.data.code).toBe("UNAUTHORIZED");
});

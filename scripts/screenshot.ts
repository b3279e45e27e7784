/** Screenshots of the app's pages for a person to look at: `tsx scripts/screenshot.ts <baseUrl> <outDir> [path ...]`. */
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { chromiumLaunchOptions } from "../e2e/chromium";

const [base = "http://127.0.0.1:3000", out = "/tmp/shots", ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
  const page = await browser.newPage({ viewport: size });
  await page.goto(`${base}/login`);
  await page.screenshot({ path: `${out}/login-${size.width}.png` });
  await page.fill("#email", "radiologist@mosaic.demo");
  await page.fill("#password", "mosaic-demo");
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  await page.screenshot({ path: `${out}/home-${size.width}.png`, fullPage: true });
  const meeting = await page.getAttribute('a:has-text("Open meeting")', "href");
  await page.goto(`${base}${meeting}`);
  await page.screenshot({ path: `${out}/meeting-${size.width}.png`, fullPage: true });
  const cases = await page.$$eval('[data-testid="agenda-item"]', (as) => as.map((a) => a.getAttribute("href")));
  for (const [i, href] of cases.entries()) {
    await page.goto(`${base}${href}`);
    await page.screenshot({ path: `${out}/case${i + 1}-${size.width}.png`, fullPage: true });
  }
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    await page.screenshot({ path: `${out}/${p.replace(/\W+/g, "_")}-${size.width}.png`, fullPage: true });
  }
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);

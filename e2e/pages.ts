/** Page objects for the end-to-end specs. */
import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}
  async signIn(email: string, password = "mosaic-demo") {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

export class HomePage {
  constructor(private readonly page: Page) {}
  nextMeeting = () => this.page.getByTestId("next-meeting");
  agendaItems = () => this.page.getByTestId("agenda-item");
  async openMeeting() {
    await this.page.getByRole("link", { name: "Open meeting →" }).click();
    await expect(this.page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  }
  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}

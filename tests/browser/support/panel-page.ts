/** A page object for the Handshake panel opened as `panel.html?tabId=<id>`. */
import { expect, type Locator, type Page } from '@playwright/test';

export class PanelPage {
  constructor(
    readonly page: Page,
    readonly tabId: number,
    /** The inspected page, when the test has it: "Record and reload" waits for its reload. */
    readonly inspected?: Page,
  ) {}

  button(name: 'Record' | 'Stop' | 'Record and reload' | 'Clear'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Starts recording and reloads the inspected tab, then waits until the panel says so. */
  async recordAndReload(): Promise<void> {
    // Without this wait a test could act on the old document while the reload is under way.
    const reloaded = this.inspected?.waitForEvent('load', { timeout: 20_000 });
    await this.button('Record and reload').click();
    await expect(this.page.getByTestId('recording-state')).toContainText(/recording/i);
    await reloaded;
  }

  finding(ruleId: string): Locator {
    return this.page.locator(`[data-testid="finding"][data-rule-id="${ruleId}"]`);
  }

  timelineRows(type?: string): Locator {
    const sel = type ? `[data-testid="timeline-row"][data-type="${type}"]` : '[data-testid="timeline-row"]';
    return this.page.locator(sel);
  }

  get details(): Locator {
    return this.page.getByTestId('details');
  }
}

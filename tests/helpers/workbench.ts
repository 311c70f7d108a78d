import type { Browser } from 'playwright-core';
import { startApi, type RunningApi } from './api';
import { launchChromium } from './chromium';

/** Starts the API with the workbench and a Chromium for a test file (beforeAll), and stops both (afterAll). */
export function useWorkbench(): { api: () => RunningApi; browser: () => Browser } {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    api = await startApi(undefined, { withWorkbench: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useWorkbench: the ${what} is available only inside tests and hooks`);
    return value;
  };
  return { api: () => must(api, 'API'), browser: () => must(browser, 'browser') };
}

import type { Page } from 'playwright-core';
import { databasePassword } from '../../src/db/credentials';
import { applyTestEnv } from './test-env';

/** Opens Neo4j Browser and connects with the configured credentials. */
export async function connectNeo4jBrowser(page: Page, browserUrl: string, boltUri: string): Promise<void> {
  await page.goto(browserUrl);
  await page.getByTestId('boltaddress').waitFor({ timeout: 30_000 });
  await page.getByTestId('bolt-scheme-select').selectOption('bolt://');
  await page.getByTestId('boltaddress').fill(boltUri.replace(/^[a-z+]+:\/\//, ''));
  await page.getByTestId('username').fill(applyTestEnv().NEO4J_USER);
  await page.getByTestId('password').fill(databasePassword(applyTestEnv()).password);
  await page.getByTestId('connect').click();
  await page
    .getByText(/You are connected as user/)
    .first()
    .waitFor({ timeout: 30_000 });
}

/** Types a query into the editor and runs it. */
export async function runInNeo4jBrowser(page: Page, query: string): Promise<void> {
  const editor = page.getByTestId('activeEditor');
  await editor.click();
  // insertText, not type: typed keys can accept the editor's autocompletion and change the command.
  await page.keyboard.insertText(query);
  await page.getByTestId('editor-Run').click();
}

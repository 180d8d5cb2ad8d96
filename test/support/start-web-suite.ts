import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import type { Browser } from 'playwright-core';
import { launchChromium } from './launch-chromium.js';
import type { Service } from './start-service.js';
import { startStack, type Stack } from './start-stack.js';

/** What a browser suite runs against: a database of its own, the API and the web app on it, and Chromium. */
export interface WebSuite {
  db: TestDatabase;
  stack: Stack;
  webUrl: string;
  browser: Browser;
  /** Closes the browser, stops `extra` (services a test started: a worker, a restarted API) and the stack, and drops the database. */
  stop(...extra: (Service | undefined)[]): Promise<void>;
}

/**
 * Starts a browser suite's world, as its `before` hook does.
 * @param worker - start a training worker with the API; without one, runs stay queued until a test starts it
 */
export async function startWebSuite({ worker }: { worker: boolean }): Promise<WebSuite> {
  const db = await createTestDatabase();
  let stack: (Stack & { webUrl?: string }) | undefined;
  let browser: Browser;
  try {
    stack = await startStack({ databaseUrl: db.url, web: true, worker });
    browser = await launchChromium();
  } catch (error) {
    await stack?.stop();
    await db.drop();
    throw error;
  }
  return {
    db,
    stack,
    webUrl: stack.webUrl!,
    browser,
    async stop(...extra) {
      await browser.close();
      for (const service of extra) await service?.stop();
      await stack.stop();
      await db.drop();
    },
  };
}

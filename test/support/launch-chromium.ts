import { chromium, type Browser } from 'playwright-core';

/**
 * Starts the Chromium the browser suites drive: Debian's (`SWEEPSCOPE_CHROMIUM` names
 * another), headless, with nothing of its own reaching for the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SWEEPSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

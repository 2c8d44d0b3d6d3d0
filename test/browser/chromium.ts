/**
 * Headless Chromium for the browser tests: Debian's `chromium` package (.ci/run installs
 * it), driven by playwright-core, which downloads no browser of its own. A fresh profile
 * per launch, and the flags that keep Chromium from calling home.
 */
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** CI sets CI=true: there a missing browser fails the test instead of skipping it. */
export const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false' && process.env.CI !== '0';

export const MISSING_CHROMIUM = `Chromium not found at ${CHROMIUM}. .ci/run installs it (apt-get install -y --no-install-recommends chromium); locally run the same, or set CHROMIUM_PATH.`;

export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user data dir, removed again by close(). */
export async function launchChromium(options: { readonly width?: number; readonly height?: number } = {}): Promise<Chromium> {
  const profile = await mkdtemp(path.join(tmpdir(), 'entente-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
      deviceScaleFactor: 1,
      timeout: 15_000,
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

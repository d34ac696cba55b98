import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Debian's Chromium (apt-get install chromium); playwright-core never downloads a browser here, and gives each launch a fresh profile. */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const desktop = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

export async function screenshot(context: BrowserContext, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const [page] = context.pages();
  await page?.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

// Shared by the page's tests: the wasm package loaded in Node, and a headless Chromium.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const PKG = new URL('../../pkg/', import.meta.url);

/** The npm package, instantiated synchronously from its .wasm file. */
export async function loadPackage() {
  const pkg = await import(new URL('kibana_connectors.js', PKG));
  pkg.initSync({ module: readFileSync(new URL('kibana_connectors_bg.wasm', PKG)) });
  return pkg;
}

/** Where tests leave screenshots to look at. */
export const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

/** Debian's Chromium, headless, with flags that keep it off the (closed) network.
 *  Playwright gives each launch a fresh, temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

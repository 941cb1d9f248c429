// Makes the README's screenshot (docs/screenshot.png): a Webhook connector being filled in, with
// the check, the request preview and the bar with Send. `node www/screenshot.mjs`.
// Its values are made up; its password input is masked, and so is the preview.
import { startServer } from './server.mjs';
import { startFakeKibana } from './test/fake-kibana.mjs';
import { launchBrowser, loadPackage, setField } from './test/helpers.mjs';

const pkg = await loadPackage();
const kibana = await startFakeKibana(pkg);
void kibana;
const server = await startServer({ port: 0, kibanaUrl: 'https://kibana.example.com:5601' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"][data-sending]');
  await page.fill('#type-filter', 'webhook');
  await page.press('#type-filter', 'Enter');
  await page.fill('#name', 'Ops alerts hook');
  await setField(page, '/config/url', 'https://hooks.example.com/alerts');
  await setField(page, '/config/headers', { 'X-Team': 'ops' });
  await setField(page, '/secrets/user', 'alerts-bot');
  await setField(page, '/secrets/password', 'not-a-real-password');
  await page.waitForSelector('#verdict[data-state="valid"]');
  await page.evaluate(() => document.getElementById('connector-section').scrollIntoView());
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
} finally {
  await browser.close();
  server.server.close();
  await kibana.close();
}

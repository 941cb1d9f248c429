// How much the page downloads and how soon it is interactive, in headless Chromium on localhost:
//   node www/load-benchmark.mjs [runs]
// For a first visit (empty cache) and a repeat visit (same browser context: the cache revalidates
// with ETag), it prints the bytes of the bodies as sent (compressed) and decoded, the requests,
// and the time to interactive (the page's `kc:interactive` mark: the checker loaded, the types
// listed, the form wired): medians of the runs, with their range. Chromium asks for brotli only
// over HTTPS: on http://127.0.0.1 it gets gzip.
import { startServer } from './server.mjs';
import { launchBrowser } from './test/helpers.mjs';

const runs = Number(process.argv[2] ?? 10);
const server = await startServer({ port: 0 });
const browser = await launchBrowser();
// As a user finds it a few seconds after `make serve`: every file read and compressed.
await server.warmed;

async function visit(page) {
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"]');
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      interactive: performance.getEntriesByName('kc:interactive')[0].startTime,
      requests: entries.length,
      // transferSize is 0 for what the cache answered without asking; a 304 counts its headers.
      transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
      encoded: entries.reduce((sum, e) => sum + (e.transferSize > 0 && e.responseStatus !== 304 ? e.encodedBodySize : 0), 0),
      decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
      list: entries.map((e) => [e.name.replace(location.origin, ''), e.responseStatus, e.transferSize, e.encodedBodySize, e.decodedBodySize]),
    };
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const first = [];
const repeat = [];
for (let i = 0; i < runs; i += 1) {
  const context = await browser.newContext();
  first.push(await visit(await context.newPage()));
  repeat.push(await visit(await context.newPage()));
  await context.close();
}
for (const [name, results] of [['first visit', first], ['repeat visit', repeat]]) {
  const times = results.map((r) => r.interactive);
  console.log(`${name}: ${median(results.map((r) => r.requests))} requests, bodies ${median(results.map((r) => r.encoded))} B as sent (${median(results.map((r) => r.decoded))} B decoded), ${median(results.map((r) => r.transferred))} B transferred with headers; interactive in ${median(times).toFixed(0)} ms (median of ${runs}, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms)`);
}
if (process.env.VERBOSE) for (const row of [...first[0].list, ...repeat[0].list]) console.log(row.join(' '));
await browser.close();
server.server.close();

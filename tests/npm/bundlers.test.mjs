// The npm package in browsers through the bundlers its users have: the tarball installed offline
// into a fresh app that does `import init, { validate } from 'kibana-connectors'; await init()`
// (and then `await initJsonSchema()` for `jsonSchema`),
// built with Vite and with webpack 5 (both from this repository's node_modules, with no
// configuration about the package), served from a static server and run in headless Chromium.
// Also the Vite dev server, which serves the package from node_modules; and esbuild, which does
// not copy the wasm file by itself: the README's way (its `file` loader and `init`'s
// `module_or_path`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vite from 'vite';
import webpack from 'webpack';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../../www/test/helpers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(ROOT, 'pkg');

// What the app computes in the page; the test computes the same in Node to compare.
const VALID = { name: 'my-connector', connector_type_id: '.index', config: { index: 'test-index' } };
const REFUSED = '{"name":"n","connector_type_id":".index"}';
// The wasm files the page has fetched so far: validating must not fetch the schema module.
const APP = `import init, { initJsonSchema, jsonSchema, validate, version } from 'kibana-connectors';

const fetchedWasm = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
  .filter((path) => path.endsWith('.wasm')).length;
await init();
const result = {
  valid: validate(${JSON.stringify(VALID)}),
  refused: validate(${JSON.stringify(REFUSED)}),
  version: version(),
  wasmForValidating: fetchedWasm(),
};
try {
  jsonSchema('.index');
} catch (error) {
  result.beforeInit = error.message;
}
await initJsonSchema();
result.indexConfig = jsonSchema('.index').properties.config.required;
document.body.dataset.result = JSON.stringify(result);
`;
// esbuild: the wasm files imported with the `file` loader (copied to the output, their URLs given).
const APP_ESBUILD = APP.replace(
  "await init();",
  "import wasmUrl from 'kibana-connectors/kibana_connectors_bg.wasm';\n\nawait init({ module_or_path: wasmUrl });",
).replace(
  "await initJsonSchema();",
  "await initJsonSchema({ module_or_path: schemasUrl });",
).replace(
  "\nconst fetchedWasm",
  "\nimport schemasUrl from 'kibana-connectors/kibana_connectors_schemas_bg.wasm';\nconst fetchedWasm",
);
// `href="data:,"`: no favicon request, so that any failed request in the page is a failure.
const html = (script) => `<!doctype html>
<html><head><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,">${script}</head><body></body></html>
`;

let dir;
let project;
let browser;
let expected;
let setup;

before(async () => {
  const started = performance.now();
  dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-bundlers-'));
  const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  const [packed] = JSON.parse(npm(['pack', PKG, '--pack-destination', dir, '--json'], dir));
  project = join(dir, 'app');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // Only the tarball (and `yaml`, the command's dependency, from npm's cache) is installed
  // there; the bundlers run from the repository's node_modules, so nothing is downloaded.
  npm(['install', join(dir, packed.filename), '--offline', '--ignore-scripts'], project);
  writeFileSync(join(project, 'src', 'main.js'), APP);
  writeFileSync(join(project, 'src', 'esbuild.js'), APP_ESBUILD);
  writeFileSync(join(project, 'index.html'), html('<script type="module" src="/src/main.js"></script>'));

  const node = await import(join(PKG, 'node.js'));
  expected = {
    valid: node.validate(VALID),
    refused: node.validate(REFUSED),
    version: node.version(),
    wasmForValidating: 1,
    beforeInit: 'jsonSchema: the schema module is not loaded: call `await initJsonSchema()` once first (the Node entry loads it itself)',
    indexConfig: node.jsonSchema('.index').properties.config.required,
  };
  browser = await launchBrowser();
  setup = ms(started);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function ms(since) {
  return `${Math.round(performance.now() - since)} ms`;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** A static server of `root` on 127.0.0.1 (a free port); `served` lists what it answered. */
async function serve(root) {
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    let status = 200;
    let body;
    if (!file.startsWith(root + sep)) status = 403;
    else body = await readFile(file).catch(() => { status = 404; });
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    served.push({ path, status, type });
    res.writeHead(status, status === 200 ? { 'content-type': type } : {}).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, served, close: () => new Promise((done) => server.close(done)) };
}

/** Opens `url`, waits for the app's result and returns it with the page's wasm responses.
 *  Page errors, console errors and warnings (such as instantiateStreaming's fallback when the
 *  wasm is not served as application/wasm) and failed requests fail the test. */
async function runApp(url) {
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    if (new URL(response.url()).pathname.endsWith('.wasm')) wasm.push({ url: response.url(), type: response.headers()['content-type'] });
  });
  let result;
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.result !== undefined, null, { timeout: 10_000 });
    result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  } catch (error) {
    error.message += `\n${problems.join('\n')}`;
    throw error;
  } finally {
    await page.close();
  }
  assert.deepEqual(problems, []);
  return { result, wasm };
}

/** The app's result equals Node's, and the page fetched the package's two wasm files unchanged,
 *  the validating one first, each served as application/wasm. */
function checkRun({ result, wasm }, outDir) {
  assert.deepEqual(result, expected);
  assert.equal(result.valid.valid, true);
  assert.equal(result.refused.kibanaError.message, 'error validating connector type config: ✖ Invalid input: expected string, received undefined\n  → at index');
  assert.deepEqual(result.indexConfig, ['index']);
  assert.equal(wasm.length, 2, JSON.stringify(wasm));
  for (const [index, name] of ['kibana_connectors_bg.wasm', 'kibana_connectors_schemas_bg.wasm'].entries()) {
    assert.equal(wasm[index].type, 'application/wasm');
    if (outDir) {
      const emitted = readFileSync(join(outDir, new URL(wasm[index].url).pathname));
      assert.ok(emitted.equals(readFileSync(join(PKG, name))), `the emitted ${name} differs from the package's`);
    }
  }
}

/** The files of a build, relative to its directory. */
function files(outDir) {
  return readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(outDir.length + 1)).sort();
}

async function checkBuild(t, name, outDir, built) {
  const output = files(outDir);
  assert.equal(output.filter((f) => f.endsWith('.wasm')).length, 2, output.join(', '));
  const started = performance.now();
  const server = await serve(outDir);
  try {
    const run = await runApp(server.url);
    checkRun(run, outDir);
    assert.ok(server.served.every((r) => r.status === 200), JSON.stringify(server.served));
  } finally {
    await server.close();
  }
  t.diagnostic(`${name}: built in ${built}, ran in Chromium in ${ms(started)}; output ${output.join(', ')}`);
}

test('Vite builds the app with no configuration, and it validates in the browser', async (t) => {
  t.diagnostic(`packed, installed in the app and Chromium launched in ${setup}`);
  const outDir = join(project, 'dist-vite');
  const started = performance.now();
  await vite.build({ root: project, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  await checkBuild(t, `vite ${vite.version}`, outDir, ms(started));
});

test('webpack 5 builds the app with no configuration, and it validates in the browser', async (t) => {
  const outDir = join(project, 'dist-webpack');
  const started = performance.now();
  // Only the entry and the output are set; `performance.hints: false` silences the size hint
  // that the wasm file (> 244 KiB) raises, so that any other warning fails the test.
  const compiler = webpack({
    mode: 'production',
    context: project,
    entry: './src/main.js',
    output: { path: outDir, clean: true },
    performance: { hints: false },
  });
  const stats = await new Promise((done, fail) => compiler.run((error, result) => (error ? fail(error) : done(result))));
  await new Promise((done) => compiler.close(done));
  const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual([...errors, ...warnings].map((e) => e.message), []);
  // webpack's output is a classic script (top-level await included); its publicPath is 'auto'.
  writeFileSync(join(outDir, 'index.html'), html('<script src="main.js"></script>'));
  await checkBuild(t, `webpack ${webpack.version}`, outDir, ms(started));
});

test("esbuild builds the app with its file loader for the wasm, and it validates in the browser", async (t) => {
  const outDir = join(project, 'dist-esbuild');
  const started = performance.now();
  const result = await esbuild.build({
    absWorkingDir: project,
    entryPoints: ['src/esbuild.js'],
    bundle: true,
    format: 'esm',
    loader: { '.wasm': 'file' },
    outdir: outDir,
    logLevel: 'silent',
  });
  assert.deepEqual([...result.errors, ...result.warnings], []);
  writeFileSync(join(outDir, 'index.html'), html('<script type="module" src="esbuild.js"></script>'));
  await checkBuild(t, `esbuild ${esbuild.version}`, outDir, ms(started));
});

test('the Vite dev server serves the app with no configuration, and it validates in the browser', async (t) => {
  const started = performance.now();
  const server = await vite.createServer({
    root: project,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  try {
    await server.listen();
    const run = await runApp(server.resolvedUrls.local[0]);
    checkRun(run);
    // The wasm files stay next to the modules they came from, whether or not they were pre-bundled.
    assert.match(new URL(run.wasm[0].url).pathname, /\/kibana_connectors_bg\.wasm$/);
    assert.match(new URL(run.wasm[1].url).pathname, /\/kibana_connectors_schemas_bg\.wasm$/);
  } finally {
    await server.close();
  }
  t.diagnostic(`vite dev server: started and ran in Chromium in ${ms(started)}`);
});

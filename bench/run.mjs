// `make bench`: this package against ajv on the same request bodies, in one Node process,
// plus start-up in Node and headless Chromium and the bundle sizes. Writes bench/results.md.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_PKG=dir compares another build of the package (e.g. main's) in the same conditions.
const PKG = process.env.BENCH_PKG ?? join(ROOT, 'pkg');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SCHEMAS = join(ROOT, 'schemas', '2020-12');

// ---------------------------------------------------------------- bodies
/** Every fixture body (valid and invalid, create mode), then edited copies up to at least 1,000. */
function bodies() {
  const out = [];
  for (const type of readdirSync(FIXTURES).sort()) {
    for (const kind of ['valid', 'invalid']) {
      const dir = join(FIXTURES, type, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).sort()) {
        const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        if (fixture.body && typeof fixture.body === 'object' && !fixture.options) out.push(fixture.body);
      }
    }
  }
  // Edited copies: a renamed connector, a dropped config key.
  const base = out.slice();
  for (let i = 0; out.length < 1000; i++) {
    const body = structuredClone(base[i % base.length]);
    body.name = `copy ${i}`;
    const keys = Object.keys(body.config ?? {});
    if (keys.length > 1 && i % 2) delete body.config[keys[i % keys.length]];
    out.push(body);
  }
  return out;
}

// ---------------------------------------------------------------- timing
/** Per-call nanoseconds for each body (median of several batches), in the bodies' order. */
function perBody(bodies, fn, { batch = 16, rounds = 7 } = {}) {
  for (const body of bodies) fn(body); // warm up
  return bodies.map((body) => {
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn(body);
      runs.push(Number(process.hrtime.bigint() - start) / batch);
    }
    runs.sort((a, b) => a - b);
    return runs[runs.length >> 1];
  });
}

/** The median and p99 over the bodies of per-body figures. */
function summary(label, samples) {
  const sorted = samples.slice().sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { label, median: pick(0.5), p99: pick(0.99), samples };
}

/** Per-call nanoseconds of each function of a body's index, for every body: per body, the median
 *  of `rounds` batches of `batch` calls, the functions run in turn within each round. */
function interleaved(count, fns, { batch = 16, rounds = 7 } = {}) {
  const entries = Object.entries(fns);
  for (let i = 0; i < count; i++) for (const [, fn] of entries) fn(i); // warm up
  const samples = entries.map(() => []);
  for (let i = 0; i < count; i++) {
    const runs = entries.map(() => []);
    for (let r = 0; r < rounds; r++) {
      entries.forEach(([, fn], k) => {
        const start = process.hrtime.bigint();
        for (let n = 0; n < batch; n++) fn(i);
        runs[k].push(Number(process.hrtime.bigint() - start) / batch);
      });
    }
    runs.forEach((times, k) => {
      times.sort((a, b) => a - b);
      samples[k].push(times[times.length >> 1]);
    });
  }
  return entries.map(([label], k) => summary(label, samples[k]));
}

const time = (label, bodies, fn) => summary(label, perBody(bodies, fn));

/** Per body, `a` minus the sum of `bs`: the time of what `a` does beyond them. */
const minus = (a, ...bs) => a.samples.map((t, i) => bs.reduce((rest, b) => rest - b.samples[i], t));

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ns = (value) => `${Math.round(value).toLocaleString('en')}`;

// ---------------------------------------------------------------- contenders
async function loadPackage() {
  const pkg = await import(join(PKG, 'kibana_connectors.js'));
  pkg.initSync({ module: readFileSync(join(PKG, 'kibana_connectors_bg.wasm')) });
  await pkg.initJsonSchema({ module_or_path: readFileSync(join(PKG, 'kibana_connectors_schemas_bg.wasm')) });
  return pkg;
}

async function loadAjv() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  const bundle = JSON.parse(readFileSync(join(SCHEMAS, 'request.json'), 'utf8'));
  const start = process.hrtime.bigint();
  const check = ajv.compile(bundle);
  const compileMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { check, compileMs, ajv, bundle };
}

/** Start-up in a fresh Node process: import, instantiate, first validate. */
function nodeStartup() {
  const script = `
    const t0 = performance.now();
    const pkg = await import(${JSON.stringify(join(PKG, 'kibana_connectors.js'))});
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(${JSON.stringify(join(PKG, 'kibana_connectors_bg.wasm'))});
    const t1 = performance.now();
    pkg.initSync({ module: bytes });
    pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 'i' } });
    const t2 = performance.now();
    console.log(JSON.stringify({ total: t2 - t0, instantiate: t2 - t1 }));`;
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  runs.sort((a, b) => a.instantiate - b.instantiate);
  return runs[runs.length >> 1];
}

/** Start-up in headless Chromium, measured in the page as in Node: the whole path (import the
 *  glue, fetch the module, instantiate, first validate) and its last part alone (instantiate from
 *  the fetched bytes + first validate). Each run is a fresh page. */
async function chromiumStartup() {
  const { startServer } = await import('../www/server.mjs');
  const { launchBrowser } = await import('../www/test/helpers.mjs');
  const { server, url } = await startServer({ port: 0 });
  const browser = await launchBrowser();
  try {
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage();
      await page.goto(new URL('/pkg/package.json', url).href);
      runs.push(
        await page.evaluate(async () => {
          const t0 = performance.now();
          const pkg = await import('/pkg/kibana_connectors.js');
          const bytes = await (await fetch('/pkg/kibana_connectors_bg.wasm')).arrayBuffer();
          const t1 = performance.now();
          await pkg.default({ module_or_path: bytes });
          pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 'i' } });
          const t2 = performance.now();
          return { total: t2 - t0, instantiate: t2 - t1 };
        }),
      );
      await page.close();
    }
    runs.sort((a, b) => a.instantiate - b.instantiate);
    return runs[runs.length >> 1];
  } finally {
    await browser.close();
    server.close();
  }
}

/** esbuild-bundles and minifies `source` (an ES module inside the repository, so that its
 *  imports resolve to node_modules) and returns the gzipped size. */
function bundledGzip(name, source) {
  const dir = join(ROOT, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const input = join(dir, `${name}.mjs`);
  const output = join(dir, `${name}.min.js`);
  writeFileSync(input, source);
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const result = spawnSync(esbuild, [input, '--bundle', '--minify', '--format=esm', '--platform=browser', `--outfile=${output}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return gzipSync(readFileSync(output), { level: 9 }).length;
}

/** The two ways to ship ajv for these schemas: validators compiled ahead of time (standalone code
 *  and the ajv runtime pieces it needs), or ajv + ajv-formats compiling the schema bundle at run
 *  time. */
async function ajvBundleSizes() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const options = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true };
  const ajv = new Ajv2020({ ...options, code: { source: true, esm: true } });
  addFormats(ajv);
  const bundle = readFileSync(join(SCHEMAS, 'request.json'), 'utf8');
  const standalone = bundledGzip('ajv-standalone', standaloneCode(ajv, ajv.compile(JSON.parse(bundle))));
  const runtime = bundledGzip(
    'ajv-runtime',
    `import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
const ajv = new Ajv2020(${JSON.stringify(options)});
addFormats(ajv);
export const check = ajv.compile(${bundle});`,
  );
  return { standalone, runtime };
}

// ---------------------------------------------------------------- main
// BENCH_QUICK=1 node bench/run.mjs: the Node rows and the sizes only, printed, nothing written.
const all = bodies();
const texts = all.map((body) => JSON.stringify(body));
const pkg = await loadPackage();
const { check: ajvCheck, compileMs } = await loadAjv();

// The contenders, each over every body in a pass of its own (as a user calls one of them).
const rows = [
  time('kibana-connectors validate (JS object)', all, (body) => pkg.validate(body)),
  time('kibana-connectors validate (JSON text)', texts, (text) => pkg.validate(text)),
  time('ajv 8 Ajv2020, allErrors (schemas/2020-12/request.json)', all, (body) => ajvCheck(body)),
  time('kibana-connectors normalize (JS object)', all, (body) => pkg.normalize(body)),
];
const ajvMedian = rows[2].median;

// Where a validate's time goes, per body: the facade's steps in Node, and inside the module the
// differences between exports that each stop one stage later (src/wasm/stages.rs, in a module of
// its own that `make bench` builds: scripts/build-pkg.sh bench-stages). A body's stages are timed
// side by side (each round runs each of them once), so that the machine's load, which drifts over
// a run, does not show as a stage's time.
const STAGED = join(ROOT, 'target', 'bench-stages');
if (!existsSync(join(STAGED, 'kibana_connectors_bg.wasm'))) {
  throw new Error(`${STAGED} is missing: make bench builds it (scripts/build-pkg.sh bench-stages)`);
}
const staged = await import(join(STAGED, 'kibana_connectors_bindings.js'));
staged.initSync({ module: readFileSync(join(STAGED, 'kibana_connectors_bg.wasm')) });
const reportTexts = texts.map((text) => staged.validateText(text, 'null'));
const [validateObject, stringify, parseReport, copyIn, parse, check, write, handBack] = interleaved(all.length, {
  'validate(object)': (i) => pkg.validate(all[i]),
  'JSON.stringify(body)': (i) => JSON.stringify(all[i]),
  'JSON.parse(report text)': (i) => JSON.parse(reportTexts[i]),
  copyIn: (i) => staged.benchCopyIn(texts[i], 'null'),
  parse: (i) => staged.benchParse(texts[i], 'null'),
  check: (i) => staged.benchCheck(texts[i], 'null'),
  write: (i) => staged.benchWrite(texts[i], 'null'),
  handBack: (i) => staged.validateText(texts[i], 'null'),
});
const copyOut = summary('… copy the report out and decode it', minus(handBack, write));
const stages = [
  stringify,
  summary('validateText(text): the whole call, split below (measured in the stages\' module)', handBack.samples),
  summary('… copy the body and options into the module (and the call)', copyIn.samples),
  summary('… read them (JSON.parse, in the module)', minus(parse, copyIn)),
  summary('… check the body: every step, the report made', minus(check, parse)),
  summary('… write the report\'s JSON text', minus(write, check)),
  copyOut,
  parseReport,
  // For comparison with the rows above: the package's validate does them in one call, the rows
  // time them apart, so the two need not agree exactly.
  summary('validate(object), timed in the same rounds (for the sum of the rows above)', validateObject.samples),
];
// What crossing the boundary as JSON text costs with nothing checked, per body: JSON.stringify of
// the body, the copies in and out and JSON.parse of the report (the facade's own work left out,
// so that this is a floor): no engine behind this boundary makes validate(object) cheaper.
const boundary = summary(
  'the JSON-text boundary alone (stringify, copy in, copy out, JSON.parse of the report)',
  stringify.samples.map((t, i) => t + copyIn.samples[i] + copyOut.samples[i] + parseReport.samples[i]),
);
stages.push(boundary);

const wasmGz = gzipSync(readFileSync(join(PKG, 'kibana_connectors_bg.wasm')), { level: 9 }).length;
// The glue: every JavaScript file the browser entry loads to validate (the facade and the
// validating module's bindings; the schema module's bindings and wasm file are loaded by
// initJsonSchema() only, and counted with the schema module).
const glueFiles = ['kibana_connectors.js', 'kibana_connectors_bindings.js'];
const glueGz = glueFiles.reduce((sum, name) => sum + gzipSync(readFileSync(join(PKG, name)), { level: 9 }).length, 0);
const wasmRaw = readFileSync(join(PKG, 'kibana_connectors_bg.wasm')).length;
const schemasGz = ['kibana_connectors_schemas_bg.wasm', 'kibana_connectors_schemas_bindings.js']
  .reduce((sum, name) => sum + gzipSync(readFileSync(join(PKG, name)), { level: 9 }).length, 0);
if (process.env.BENCH_QUICK) {
  // While iterating: the Node timings and the module's size only; bench/results.md untouched.
  for (const r of [...rows, ...stages]) console.log(`${ns(r.median).padStart(8)} ns  p99 ${ns(r.p99).padStart(9)}  ${r.label}`);
  console.log(`wasm ${wasmRaw} B raw, ${wasmGz} B gz; glue ${glueGz} B gz; ajv median ratio ${(rows[0].median / ajvMedian).toFixed(2)}×; the boundary alone ${(boundary.median / ajvMedian).toFixed(2)}×`);
  process.exit(0);
}
const ajvGz = await ajvBundleSizes();
const node = nodeStartup();
const chromium = await chromiumStartup();
const native = execFileSync('cargo', ['bench', '--quiet', '--bench', 'validate'], { cwd: ROOT, encoding: 'utf8' });

const nativeMedian = Number(native.match(/median over types: (\d+) ns/)?.[1] ?? NaN);
const budget = (name, value, limit, unit) =>
  `| ${name} | ${value} ${unit} | ≤ ${limit} ${unit} | ${Number(value) <= Number(limit) ? "met" : "**not met**"} |`;
// The budgets of issue #18: at ajv's speed in the same process, smaller than 100 KiB.
const ratio = (row) => row.median / ajvMedian;
const budgets = [
  budget('wasm + glue, gzipped', Math.round((wasmGz + glueGz) / 1024), 100, 'KiB'),
  `| … and smaller than ajv (${kib(Math.min(ajvGz.standalone, ajvGz.runtime))}), the stretch goal | ${kib(wasmGz + glueGz)} | smaller | ${wasmGz + glueGz < Math.min(ajvGz.standalone, ajvGz.runtime) ? 'met' : '**not met**'} |`,
  budget('validate, Node, object input: median / ajv\'s median', ratio(rows[0]).toFixed(2), '1.0', '×'),
  budget('validate, Node, JSON text input: median / ajv\'s median', ratio(rows[1]).toFixed(2), '1.0', '×'),
  budget('normalize, Node, object input: median / ajv\'s median', ratio(rows[3]).toFixed(2), '1.5', '×'),
  budget('validate, native (median over types)', (nativeMedian / 1000).toFixed(2), 0.5, 'µs'),
  budget('instantiate + first validate, Node', node.instantiate.toFixed(1), 15, 'ms'),
  budget('instantiate + first validate, Chromium', chromium.instantiate.toFixed(1), 15, 'ms'),
];

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const md = `# Benchmark results

Measured ${date} on ${machine}, with \`make bench\` (\`bench/run.mjs\`, \`benches/validate.rs\`).
${all.length} request bodies: every fixture body of every connector type (valid and invalid) and
edited copies. Each figure is the median (and 99th percentile) over the bodies of the per-call
time, itself the median of 7 batches of 16 calls.

## Budgets

| budget | measured | target | |
|---|---:|---:|---|
${budgets.join('\n')}

## Validate and normalize, per body (Node)

| contender | median (ns) | p99 (ns) | median vs ajv |
|---|---:|---:|---:|
${rows.map((r) => `| ${r.label} | ${ns(r.median)} | ${ns(r.p99)} | ${(r.median / ajvMedian).toFixed(2)}× |`).join('\n')}

### Where a validate's time goes (Node, same bodies; each stage's median over the bodies of its per-body time)

| stage | median (ns) | p99 (ns) |
|---|---:|---:|
${stages.map((r) => `| ${r.label} | ${ns(r.median)} | ${ns(r.p99)} |`).join('\n')}

The boundary alone is ${(boundary.median / ajvMedian).toFixed(2)}× ajv's median: the floor of \`validate(object)\` with
this report handed over as JSON text, whatever checks it.

ajv checks the JSON Schema only (no Kibana message, no custom rules, no defaults); this package
also computes every located issue, Kibana's answer and the warnings.

## Start-up

| | time |
|---|---:|
| Node: instantiate the wasm module + first validate | ${node.instantiate.toFixed(1)} ms |
| Node: import + read + instantiate + first validate | ${node.total.toFixed(1)} ms |
| Chromium: instantiate the wasm module + first validate | ${chromium.instantiate.toFixed(1)} ms |
| Chromium: import + fetch + instantiate + first validate | ${chromium.total.toFixed(1)} ms |
| ajv: compile the request bundle (all connector types) | ${compileMs.toFixed(1)} ms |

## Size (gzip -9)

| | bytes |
|---|---:|
| wasm module (validating: every type, rule and version fact) | ${wasmGz.toLocaleString('en')} (${kib(wasmGz)}) |
| JS glue (${glueFiles.join(', ')}) | ${glueGz.toLocaleString('en')} (${kib(glueGz)}) |
| **wasm + glue** | **${(wasmGz + glueGz).toLocaleString('en')} (${kib(wasmGz + glueGz)})** |
| the schema module and its bindings, loaded by \`initJsonSchema()\` only (\`jsonSchema\`) | ${schemasGz.toLocaleString('en')} (${kib(schemasGz)}) |
| ajv: validators compiled ahead of time (standalone code + ajv runtime parts), esbuild minified | ${ajvGz.standalone.toLocaleString('en')} (${kib(ajvGz.standalone)}) |
| ajv + ajv-formats + the schema bundle, compiled at run time, esbuild minified | ${ajvGz.runtime.toLocaleString('en')} (${kib(ajvGz.runtime)}) |

${readFileSync(join(ROOT, 'bench', 'notes.md'), 'utf8').trim()}

## Native validate throughput per type (\`cargo bench --bench validate\`)

${native.trim()}
`;
writeFileSync(join(ROOT, 'bench', 'results.md'), md);
console.log(md);

// `make bench-cli`: how long `kibana-connectors check` takes on 10,000 connector files (pretty
// JSON bodies cycled from tests/fixtures, valid and invalid), and on one kibana.yml and one
// export of 10,000 connectors each. Runs pkg/cli/bin.mjs (the packed command's file) three
// times per case and prints the wall-clock and CPU times of each run.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'pkg', 'cli', 'bin.mjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const COUNT = Number(process.env.CLI_BENCH_FILES ?? 10_000);

const bodies = [];
for (const type of readdirSync(FIXTURES).sort()) {
  for (const kind of ['valid', 'invalid']) {
    let names = [];
    try {
      names = readdirSync(join(FIXTURES, type, kind)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, type, kind, name), 'utf8'));
      if (fixture.options || typeof fixture.body !== 'object' || fixture.body === null || Array.isArray(fixture.body)) continue;
      bodies.push(fixture.body);
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-bench-'));
try {
  const files = join(dir, 'files');
  for (let i = 0; i < COUNT; i += 1) {
    const sub = join(files, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `connector-${i}.json`), `${JSON.stringify(bodies[i % bodies.length], null, 2)}\n`);
  }
  const preconfigured = {};
  const exported = [];
  for (let i = 0; i < COUNT; i += 1) {
    const { name, connector_type_id: actionTypeId, config, secrets } = bodies[i % bodies.length];
    preconfigured[`connector-${i}`] = { name, actionTypeId, config, secrets };
    exported.push(JSON.stringify({ attributes: { actionTypeId, config, name, secrets: {}, isMissingSecrets: false }, id: `connector-${i}`, type: 'action', references: [] }));
  }
  writeFileSync(join(dir, 'kibana.yml'), stringify({ 'xpack.actions.preconfigured': preconfigured }));
  writeFileSync(join(dir, 'export.ndjson'), `${exported.join('\n')}\n`);

  console.log(`kibana-connectors check, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${new Date().toISOString().slice(0, 10)}`);
  for (const [label, args] of [
    [`${COUNT} JSON files (a folder)`, ['check', '--quiet', 'files']],
    [`${COUNT} JSON files, --format sarif`, ['check', '--format', 'sarif', 'files']],
    [`kibana.yml with ${COUNT} connectors`, ['check', '--quiet', 'kibana.yml']],
    [`export of ${COUNT} connectors`, ['check', '--quiet', 'export.ndjson']],
  ]) {
    for (let run = 0; run < 3; run += 1) {
      // bash's `times` gives the CPU time of the command (the machine may be shared).
      const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg}'`).join(' ');
      const started = process.hrtime.bigint();
      const child = spawnSync('bash', ['-c', `${quoted} > /dev/null; status=$?; times >&2; exit $status`], { cwd: dir, encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (child.status !== 0 && child.status !== 1) throw new Error(`${label}: exit ${child.status}: ${child.stderr}`);
      const [user, system] = child.stderr.trim().split('\n').at(-1).split(/\s+/);
      console.log(`${label}: ${wall.toFixed(2)} s wall, CPU ${user} user + ${system} system (exit ${child.status})`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The `kibana-connectors` command as its users get it: `npm pack pkg/`, installed from the
// tarball into a fresh project (its dependency, `yaml`, from npm's cache), run as
// `node_modules/.bin/kibana-connectors` on the files of tests/cli/files/ and on every fixture
// of tests/fixtures/: exact `file:line:column` lines, exit codes, each output format (SARIF
// validated against the SARIF 2.1.0 schema), --fix, standard input, and no secret in any output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { LineCounter, parseDocument, stringify as yamlStringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(ROOT, 'pkg');
const FILES = join(ROOT, 'tests', 'cli', 'files');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

let dir;
let bin;
let work;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-cli-'));
  const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  const [packed] = JSON.parse(npm(['pack', PKG, '--pack-destination', dir, '--json'], dir));
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', join(dir, packed.filename), '--offline', '--ignore-scripts'], project);
  bin = join(project, 'node_modules', '.bin', 'kibana-connectors');
  work = join(dir, 'work');
  cpSync(FILES, work, { recursive: true });
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the installed command; `env` is added to a clean environment. */
function cli(args, { cwd = work, input, env = {} } = {}) {
  const run = spawnSync(bin, args, {
    cwd,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const lines = (text) => text.split('\n').filter((line) => line !== '');

describe('the installed command', () => {
  test('is the package bin: --version prints the package version, --help the usage', () => {
    const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.bin, { 'kibana-connectors': 'cli/bin.mjs' });
    assert.deepEqual(Object.keys(manifest.dependencies), ['yaml']);
    const version = cli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${manifest.version}\n`);
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: kibana-connectors check/);
  });

  test('kibana.yml: Kibana start-up checks and connector checks, at the line and column of each field', () => {
    const run = cli(['check', '--no-warnings', 'kibana/kibana.yml']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      'kibana/kibana.yml:21:7: error invalid_option Invalid option: expected one of "post"|"put"|"patch"|"get"|"delete"',
      'kibana/kibana.yml:16:3: kibana starts (it does not check a preconfigured connector\'s type, config or secrets), but the connector fails when it runs; as a create request: 400 Bad Request: error validating connector type config: ✖ Invalid option: expected one of "post"|"put"|"patch"|"get"|"delete" → at method',
      'kibana/kibana.yml:25:3: error required [config validation of [xpack.actions].preconfigured.no-name.name]: expected value of type [string] but got [undefined]',
      'kibana/kibana.yml:29:5: error unknown_key [config validation of [xpack.actions].preconfigured.no-name.colour]: definition for this key is missing',
      'kibana/kibana.yml:25:3: kibana would not start: [config validation of [xpack.actions].preconfigured.no-name.name]: expected value of type [string] but got [undefined]',
      // Dotted keys: the column of the segment itself.
      'kibana/kibana.yml:42:43: error invalid_type Invalid input: expected string, received number',
      'kibana/kibana.yml:40:29: kibana starts (it does not check a preconfigured connector\'s type, config or secrets), but the connector fails when it runs; as a create request: 400 Bad Request: error validating connector type config: ✖ Invalid input: expected string, received number → at index',
      '1 file, 6 connectors, 4 errors, 0 warnings',
    ]);
  });

  test('kibana.yml warnings: secrets left to the keystore, variables not set here, the server checks', () => {
    const run = cli(['check', 'kibana/kibana.yml']);
    const warnings = lines(run.stdout).filter((line) => / warning /.test(line));
    assert.ok(warnings.includes(
      'kibana/kibana.yml:30:3: warning secrets_absent secrets.webhookUrl: Invalid input: expected string, received undefined (not in this file: Kibana must read it from its keystore, xpack.actions.preconfigured.slack-in-keystore.secrets.webhookUrl, or the connector fails when it runs)',
    ), warnings.join('\n'));
    assert.ok(warnings.includes(
      'kibana/kibana.yml:37:7: warning unresolved_variable This value names an environment variable (${…}) that is not set here: Kibana refuses to start unless it is set in its own environment; set it here to check the value',
    ));
    assert.ok(warnings.includes('kibana/kibana.yml:8:5: warning server_check Kibana refuses Webhook connectors (403) unless its license is gold or higher and the type is in xpack.actions.enabledActionTypes'));
    assert.ok(lines(run.stdout).includes('kibana/kibana.yml:30:3: kibana starts; the connector runs only if Kibana\'s keystore holds the secrets this file leaves out'));
    assert.equal(lines(run.stdout).at(-1), '1 file, 6 connectors, 4 errors, 6 warnings');
    // The variable set in this environment: its value is checked, the warning is gone.
    const set = cli(['check', 'kibana/kibana.yml'], { env: { ALERT_INDEX: 'alerts-index' } });
    assert.doesNotMatch(set.stdout, /unresolved_variable/);
  });

  test('a saved-objects export: config checked, secrets reported as absent, other objects skipped', () => {
    const run = cli(['check', 'export/export.ndjson']);
    assert.equal(run.status, 1);
    const out = lines(run.stdout).filter((line) => !/server_check/.test(line));
    assert.deepEqual(out, [
      'export/export.ndjson:1:117: warning secrets_absent Kibana marked this connector as missing its secrets (isMissingSecrets): set them after import, or it cannot run',
      'export/export.ndjson:1:1: kibana imports as a connector that needs its secrets set before it can run',
      'export/export.ndjson:3:65: error invalid_type Invalid input: expected boolean, received string',
      // An import drops connectors whose id breaks Kibana's id rule.
      'export/export.ndjson:3:145: error invalid_id Connector ID must contain only lowercase letters, numbers, and hyphens.',
      'export/export.ndjson:3:1: kibana a create request with this connector would get 400 Bad Request: [request params.id]: Connector ID must contain only lowercase letters, numbers, and hyphens.',
      'export/export.ndjson:5:52: warning secrets_absent Kibana marked this connector as missing its secrets (isMissingSecrets): set them after import, or it cannot run',
      'export/export.ndjson:5:100: warning secrets_absent secrets.webhookUrl: Invalid input: expected string, received undefined (exports leave secrets out: set it after import)',
      'export/export.ndjson:5:1: kibana imports as a connector that needs its secrets set before it can run',
      '1 file, 4 connectors, 2 errors, 6 warnings',
    ]);
  });

  test('bodies: JSON array, NDJSON and YAML documents, with the line and column of each field', () => {
    const run = cli(['check', '--no-warnings', 'bodies']);
    assert.equal(run.status, 1);
    assert.deepEqual(lines(run.stdout), [
      'bodies/array.json:8:5: error blank_string value \'\' is not valid',
      'bodies/array.json:12:7: error invalid_type Invalid input: expected string, received number',
      'bodies/array.json:7:3: kibana 400 Bad Request: [request body.name]: value \'\' is not valid',
      'bodies/index.yaml:16:5: error invalid_type Invalid input: expected string, received number',
      'bodies/index.yaml:17:5: error invalid_type Invalid input: expected boolean, received string',
      'bodies/index.yaml:13:3: kibana 400 Bad Request: error validating connector type config: ✖ Invalid input: expected string, received number → at index ✖ Invalid input: expected boolean, received string → at refresh',
      'bodies/lines.ndjson:2:15: error unknown_connector_type Action type ".nope" is not registered.',
      'bodies/lines.ndjson:2:1: kibana 400 Bad Request: Action type ".nope" is not registered.',
      '4 files, 8 connectors, 5 errors, 0 warnings',
    ]);
  });

  test('exit codes: 0 valid (warnings allowed), 1 with --strict and warnings, --quiet prints the problems only', () => {
    const valid = cli(['check', 'bodies/valid.json']);
    assert.equal(valid.status, 0);
    assert.equal(valid.stdout, '1 file, 1 connector, 0 errors, 0 warnings\n');
    const warned = cli(['check', 'update.json', '--mode', 'update', '--type', '.webhook']);
    assert.equal(warned.status, 0);
    assert.deepEqual(lines(warned.stdout), [
      'update.json:1:1: warning server_check Kibana refuses Webhook connectors (403) unless its license is gold or higher and the type is in xpack.actions.enabledActionTypes',
      'update.json:4:5: warning server_check Kibana accepts this URL only if "example.com" is in xpack.actions.allowedHosts (the default, ["*"], allows every host)',
      'update.json:1:1: kibana 200 OK: Kibana would update the connector',
      '1 file, 1 connector, 0 errors, 2 warnings',
    ]);
    assert.equal(cli(['check', 'update.json', '--mode', 'update', '--type', '.webhook', '--strict']).status, 1);
    const quiet = cli(['check', 'update.json', '--mode', 'update', '--type', '.webhook', '--quiet', '--no-warnings']);
    assert.deepEqual([quiet.status, quiet.stdout], [0, '']);
    const quietErrors = cli(['check', '--quiet', '--no-warnings', 'bodies/lines.ndjson']);
    assert.deepEqual([quietErrors.status, lines(quietErrors.stdout)], [1, ['bodies/lines.ndjson:2:15: error unknown_connector_type Action type ".nope" is not registered.']]);
    // An update body without --mode update is a create body without a type.
    assert.equal(cli(['check', 'update.json']).status, 1);
  });

  test('exit code 2: unreadable JSON and YAML (with their position), a missing file, usage errors', () => {
    const broken = cli(['check', 'broken', 'bodies/valid.json']);
    assert.equal(broken.status, 2);
    assert.deepEqual(lines(broken.stdout), [
      'broken/broken.json:5:3: error invalid_json not valid JSON: unexpected character: a property name in double quotes was expected',
      'broken/broken.yaml:4:1: error invalid_yaml not valid YAML: Map keys must be unique',
      '3 files, 1 connector, 2 errors, 0 warnings',
    ]);
    const missing = cli(['check', 'nowhere.json', 'bodies/valid.json']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'kibana-connectors: nowhere.json: no such file or folder\n');
    assert.equal(missing.stdout, '1 file, 1 connector, 0 errors, 0 warnings\n');
    for (const [args, message] of [
      [[], 'no command: write kibana-connectors check <files…>'],
      [['lint', 'x.json'], 'unknown command "lint" (the command is check)'],
      [['check'], 'check needs files, folders or - (standard input)'],
      [['check', '--format', 'xml', 'x.json'], '--format must be text, json, github, sarif (got "xml")'],
      [['check', '--mode', 'update', 'x.json'], '--mode update needs --type (the connector type of the bodies, e.g. --type .webhook)'],
      [['check', '--type', '.webhook', 'x.json'], '--type is for update bodies: add --mode update'],
      [['check', '--kibana-version', '8.x', 'x.json'], '--kibana-version: "8.x" is not a Kibana version (write 8.19, 9.3.2 or main; several with commas: 8.19,9.6)'],
      [['check', '--kibana-version', '8.19,8.19', 'x.json'], '--kibana-version: a version is named twice'],
      [['check', '--kibana-version', 'x.json'], '--kibana-version: "x.json" is not a Kibana version (write 8.19, 9.3.2 or main; several with commas: 8.19,9.6)'],
      [['check', '--fix', '-'], '--fix writes files: it cannot write standard input back'],
      [['check', '--colour', 'x.json'], "Unknown option '--colour'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--colour\""],
    ]) {
      const run = cli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `kibana-connectors: ${message}\n(kibana-connectors --help for the usage)\n`, args.join(' '));
    }
  });

  test('--kibana-version with the core: 8.19,9.6 compares the two releases; an unknown release is a usage error', () => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'github', 'valid', 'minimal.json'), 'utf8'));
    const file = join(dir, 'github.json');
    writeFileSync(file, `${JSON.stringify(fixture.body, null, 2)}\n`);
    const run = cli(['check', '--no-warnings', '--kibana-version', '8.19,9.6', 'github.json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      'github.json:3:3: error unknown_connector_type Action type ".github" is not registered. [on 8.19]',
      'github.json:1:1: kibana 8.19: 400 Bad Request: Action type ".github" is not registered.',
      'github.json:1:1: kibana 9.6: 200 OK: Kibana would create the connector',
      'upgrade 8.19 → 9.6: 0 connectors pass on 8.19 and fail on 9.6; 1 fail on 8.19 and pass on 9.6',
      '1 file, 1 connector, 1 error, 0 warnings',
    ]);
    // Named newest first, they are still compared as an upgrade: oldest first.
    const reversed = cli(['check', '--no-warnings', '--kibana-version', '9.6,9.3.2,8.19', 'github.json'], { cwd: dir });
    assert.deepEqual(lines(reversed.stdout).filter((line) => line.startsWith('upgrade')), [
      'upgrade 8.19 → 9.3.2: 0 connectors pass on 8.19 and fail on 9.3.2; 0 fail on 8.19 and pass on 9.3.2',
      'upgrade 9.3.2 → 9.6: 0 connectors pass on 9.3.2 and fail on 9.6; 1 fail on 9.3.2 and pass on 9.6',
    ]);
    assert.equal(cli(['check', '--kibana-version', '9.6', 'github.json'], { cwd: dir }).status, 0);
    const unknown = cli(['check', '--kibana-version', '7.0', 'github.json'], { cwd: dir });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^kibana-connectors: --kibana-version 7\.0: Kibana "7\.0" is not supported/);
  });

  test('standard input: JSON and YAML by content', () => {
    const json = cli(['check', '--no-warnings', '-'], { input: '{"name":"n","connector_type_id":".index","config":{}}' });
    assert.equal(json.status, 1);
    assert.deepEqual(lines(json.stdout), [
      '<stdin>:1:42: error required Invalid input: expected string, received undefined',
      '<stdin>:1:1: kibana 400 Bad Request: error validating connector type config: ✖ Invalid input: expected string, received undefined → at index',
      '1 file, 1 connector, 1 error, 0 warnings',
    ]);
    const yaml = cli(['check', '--no-warnings', '-'], { input: 'name: n\nconnector_type_id: .index\nconfig:\n  index: 3\n' });
    assert.equal(yaml.status, 1);
    assert.equal(lines(yaml.stdout)[0], '<stdin>:4:3: error invalid_type Invalid input: expected string, received number');
  });

  test('folders: walked for .json, .ndjson, .jsonl, .yaml and .yml, skipping dot folders, node_modules and other files', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'a', 'node_modules'), { recursive: true });
    mkdirSync(join(tree, '.git'), { recursive: true });
    const body = '{"name":"n","connector_type_id":".server-log","config":{}}\n';
    for (const name of ['a/one.json', 'a/two.JSONL', 'a/three.yml', 'a/node_modules/skip.json', '.git/skip.json', 'notes.txt']) {
      writeFileSync(join(tree, name), name.endsWith('.yml') ? 'name: n\nconnector_type_id: .server-log\n' : body);
    }
    const run = cli(['check', 'tree'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stdout, '3 files, 3 connectors, 0 errors, 0 warnings\n');
    // Named on the command line, a file of any extension is read by its content.
    assert.equal(cli(['check', 'tree/notes.txt'], { cwd: dir }).stdout, '1 file, 1 connector, 0 errors, 0 warnings\n');
  });
});

describe('output formats', () => {
  test('json: every connector with its problems and Kibana\'s answer', () => {
    const run = cli(['check', '--format', 'json', 'bodies/lines.ndjson', 'kibana/kibana.yml']);
    assert.equal(run.status, 1);
    const out = JSON.parse(run.stdout);
    assert.equal(out.tool.name, 'kibana-connectors');
    assert.equal(out.kibanaVersions, null);
    assert.deepEqual(out.summary, { files: 2, connectors: 8, errors: 5, warnings: 6 });
    assert.equal(out.exitCode, 1);
    const [lines0, kibana] = out.files;
    assert.equal(lines0.format, 'ndjson');
    assert.match(lines0.connectors[1].kibana.kibanaVersion, /^(\d+\.\d+|main)$/);
    assert.deepEqual(lines0.connectors[1], {
      index: 1,
      line: 2,
      column: 1,
      valid: false,
      // The core's default release answered (9.6 today), and says how sure it is.
      kibana: { outcome: 'refused', statusCode: 400, error: 'Bad Request', message: 'Action type ".nope" is not registered.', text: '400 Bad Request: Action type ".nope" is not registered.', kibanaVersion: lines0.connectors[1].kibana.kibanaVersion, fidelity: 'exact' },
      problems: [{ severity: 'error', code: 'unknown_connector_type', message: 'Action type ".nope" is not registered.', path: '/connector_type_id', line: 2, column: 15, params: { connectorTypeId: '.nope' } }],
    });
    assert.equal(kibana.format, 'kibana.yml');
    const noName = kibana.connectors.find((connector) => connector.id === 'no-name');
    assert.equal(noName.kibana.outcome, 'does_not_start');
    assert.deepEqual(noName.problems.map((p) => [p.code, p.path, p.line, p.column]), [['required', '/name', 25, 3], ['unknown_key', '/colour', 29, 5]]);
  });

  test('github: one workflow annotation a problem, the answers and summary as log lines', () => {
    const run = cli(['check', '--format', 'github', 'bodies/array.json', 'broken/broken.yaml']);
    assert.equal(run.status, 2);
    assert.deepEqual(lines(run.stdout), [
      '::error file=bodies/array.json,line=8,col=5,title=kibana-connectors blank_string::value \'\' is not valid',
      '::error file=bodies/array.json,line=12,col=7,title=kibana-connectors invalid_type::Invalid input: expected string, received number',
      'bodies/array.json:7:3: kibana 400 Bad Request: [request body.name]: value \'\' is not valid',
      '::error file=broken/broken.yaml,line=4,col=1,title=kibana-connectors invalid_yaml::not valid YAML: Map keys must be unique',
      '2 files, 2 connectors, 3 errors, 0 warnings',
    ]);
    // Line breaks, `%`, `:` and `,` are escaped as the workflow commands need.
    const multi = cli(['check', '--format', 'github', 'bodies/index.yaml']);
    assert.match(multi.stdout, /^::warning file=bodies\/index\.yaml,line=8,col=3,title=kibana-connectors server_check::/m);
  });

  test('sarif: valid SARIF 2.1.0, one result a problem, at the file relative to the working directory', () => {
    const run = cli(['check', '--format', 'sarif', 'kibana', 'export', 'bodies', 'broken', 'nowhere.json']);
    assert.equal(run.status, 2);
    const log = JSON.parse(run.stdout);
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests', 'cli', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validateSarif = ajv.compile(schema);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'kibana-connectors');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.deepEqual(sarifRun.invocations[0].toolExecutionNotifications, [{ level: 'error', message: { text: 'nowhere.json: no such file or folder' } }]);
    assert.equal(sarifRun.invocations[0].executionSuccessful, false);
    const result = sarifRun.results.find((r) => r.ruleId === 'unknown_connector_type');
    assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'bodies/lines.ndjson', uriBaseId: 'SRCROOT' }, region: { startLine: 2, startColumn: 15 } });
    assert.equal(result.level, 'error');
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, 'unknown_connector_type');
    const counts = { error: 0, warning: 0 };
    for (const r of sarifRun.results) counts[r.level] += 1;
    const text = lines(cli(['check', 'kibana', 'export', 'bodies', 'broken']).stdout).at(-1);
    assert.equal(text, `8 files, 18 connectors, ${counts.error} errors, ${counts.warning} warnings`);
  });
});

/** The bodies of the fixtures that a file can hold (no id option, JSON text), as file text. */
function fixtureBodies() {
  const found = [];
  for (const type of readdirSync(FIXTURES)) {
    for (const kind of ['valid', 'invalid']) {
      let names;
      try {
        names = readdirSync(join(FIXTURES, type, kind));
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const fixture = JSON.parse(readFileSync(join(FIXTURES, type, kind, name), 'utf8'));
        const options = fixture.options ?? {};
        if (typeof fixture.body === 'string' || options.id !== undefined) continue;
        if (Object.keys(options).some((key) => !['mode', 'connectorTypeId', 'kibanaVersion'].includes(key))) continue;
        // The command asks for --type with --mode update (a usage error without it).
        if (options.mode === 'update' && options.connectorTypeId === undefined) continue;
        let text;
        if (fixture.bodyText !== undefined) {
          // Text the fixture gives as it is (`1e400`, `__proto__`): the file holds exactly it.
          try {
            JSON.parse(fixture.bodyText);
          } catch {
            continue; // not JSON: a file syntax error, tested with tests/cli/files/broken
          }
          text = fixture.bodyText;
        } else {
          text = `${JSON.stringify(fixture.body, null, 2)}\n`;
        }
        // A file holding a JSON array holds several bodies (a body that is an array is no file).
        if (Array.isArray(JSON.parse(text))) continue;
        found.push({ type, kind, name, fixture, options, text });
      }
    }
  }
  return found;
}

/** Line and column of a pointer in JSON text, found with the yaml parser (JSON is YAML). */
function yamlPosition(text, pointer) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc.contents;
  let offset = node.range[0];
  for (const token of tokens) {
    const pair = node?.items?.find((item) => (item.key ? String(item.key.value) === token : false));
    const item = pair ? pair.value : Array.isArray(node?.items) && !node.items[0]?.key ? node.items[Number(token)] : undefined;
    if (pair) offset = pair.key.range[0];
    else if (item) offset = item.range[0];
    else break;
    node = item ?? pair.value;
  }
  const { line, col } = counter.linePos(offset);
  return `${line}:${col}`;
}

describe('every fixture of tests/fixtures, as a file', () => {
  test('errors, warnings and Kibana\'s answer as the core gives them, each at its field\'s line and column', () => {
    const bodies = fixtureBodies();
    assert.ok(bodies.length > 1500, `${bodies.length} fixtures`);
    const groups = new Map();
    // Fixtures are Kibana main's answers unless they name a release (the core's default is the
    // latest release), so each group runs with the --kibana-version its fixtures name.
    for (const entry of bodies) {
      const version = entry.options.kibanaVersion ?? 'main';
      const key = `${version} ${entry.options.mode === 'update' ? `update ${entry.options.connectorTypeId}` : 'create'}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
    let checked = 0;
    for (const [group, entries] of groups) {
      const [version, mode, type] = group.split(' ');
      const root = join(dir, 'fixtures', group.replace(/[^a-z0-9]+/gi, '-'));
      const texts = new Map();
      for (const { type, kind, name, text } of entries) {
        mkdirSync(join(root, type, kind), { recursive: true });
        writeFileSync(join(root, type, kind, name), text);
        texts.set(`${type}/${kind}/${name}`, text);
      }
      const args = ['check', '--format', 'json', '--kibana-version', version, '.'];
      if (mode === 'update') args.push('--mode', 'update', '--type', type);
      const run = cli(args, { cwd: root });
      assert.ok(run.status === 0 || run.status === 1, `${group}: exit ${run.status} ${run.stderr} ${run.stdout.slice(0, 2000)}`);
      const out = JSON.parse(run.stdout);
      const byFile = new Map(out.files.map((file) => [file.file, file]));
      for (const { type, kind, name, fixture } of entries) {
        const file = byFile.get(join(type, kind, name));
        assert.ok(file, `${type}/${kind}/${name}`);
        const [first] = file.connectors;
        // One version named: the answer is under it.
        const connector = { ...first, kibana: first.kibana[version] };
        const text = texts.get(`${type}/${kind}/${name}`);
        const where = `${type}/${kind}/${name}`;
        const errors = connector.problems.filter((p) => p.severity === 'error');
        assert.deepEqual(errors.map((p) => [p.code, p.path]).sort(), [...(fixture.errors ?? [])].map(([c, p]) => [c, p]).sort(), where);
        if (fixture.warnings) {
          const warnings = connector.problems.filter((p) => p.severity === 'warning');
          assert.deepEqual(warnings.map((p) => [p.code, p.path]).sort(), [...fixture.warnings].map(([c, p]) => [c, p]).sort(), where);
        }
        for (const problem of connector.problems) assert.equal(`${problem.line}:${problem.column}`, yamlPosition(text, problem.path), `${where} ${problem.path}`);
        assert.equal(connector.valid, kind === 'valid', where);
        if (fixture.kibanaError) assert.equal(connector.kibana.message, fixture.kibanaError, where);
        checked += 1;
      }
    }
    assert.equal(checked, bodies.length);
  });
});

describe('secrets', () => {
  test('never printed, in any format, for bodies, kibana.yml and exports', () => {
    const markers = [];
    const mark = (value) => {
      if (typeof value === 'string') {
        const marker = `SeCrEt${markers.length}x`;
        markers.push(marker);
        // URL-shaped secrets keep their shape, with the marker in the host and the path.
        return /^https?:/.test(value) ? `https://${marker.toLowerCase()}.example.com/${marker}` : marker;
      }
      if (Array.isArray(value)) return value.map(mark);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v)]));
      return value;
    };
    const root = join(dir, 'secrets');
    mkdirSync(root, { recursive: true });
    const preconfigured = {};
    const exported = [];
    const bodies = fixtureBodies().filter(({ fixture }) => fixture.body && typeof fixture.body === 'object' && fixture.body.secrets && typeof fixture.body.secrets === 'object');
    assert.ok(bodies.length > 300, `${bodies.length} bodies with secrets`);
    bodies.forEach(({ fixture }, i) => {
      const body = { ...fixture.body, secrets: mark(fixture.body.secrets) };
      writeFileSync(join(root, `body-${i}.json`), JSON.stringify(body, null, 2));
      const { name, connector_type_id: actionTypeId, config, secrets } = body;
      preconfigured[`connector-${i}`] = { name, actionTypeId, config, secrets };
      exported.push(JSON.stringify({ attributes: { actionTypeId, config, name, secrets: mark(fixture.body.secrets), isMissingSecrets: false }, id: `c-${i}`, type: 'action', references: [] }));
    });
    writeFileSync(join(root, 'kibana.yml'), yamlStringify({ 'xpack.actions.preconfigured': preconfigured }));
    writeFileSync(join(root, 'export.ndjson'), `${exported.join('\n')}\n`);
    for (const format of ['text', 'json', 'github', 'sarif']) {
      const run = cli(['check', '--format', format, '.'], { cwd: root });
      assert.equal(run.status, 1, run.stderr);
      // Every marker is `secret<n>x` in some case: find them all in one pass.
      const printed = new Set(`${run.stdout}${run.stderr}`.toLowerCase().match(/secret[0-9]+x/g) ?? []);
      const leaked = markers.filter((marker) => printed.has(marker.toLowerCase()));
      assert.deepEqual(leaked, [], `${format}: ${leaked.length} secrets printed`);
    }
  });
});

describe('--fix', () => {
  test('writes the normalized body back, keeping the file\'s indentation, line ends, key order and YAML comments', () => {
    const root = join(dir, 'fix');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'tabs.json'), '{\r\n\t"config": {"index": "x"},\r\n\t"name": "i",\r\n\t"connector_type_id": ".index"\r\n}\r\n');
    writeFileSync(join(root, 'lines.ndjson'), '{"name":"a","connector_type_id":".index","config":{"index":"a"}}\n{"name":"b","connector_type_id":".index","config":{"index":5}}\n');
    writeFileSync(join(root, 'index.yaml'), '# an index connector\nname: logs # its name\nconnector_type_id: .index\nconfig:\n  index: logs\n');
    writeFileSync(join(root, 'kibana.yml'), 'xpack.actions.preconfigured:\n  i:\n    name: i\n    actionTypeId: .index\n    config:\n      index: x\n');
    const kibanaBefore = readFileSync(join(root, 'kibana.yml'), 'utf8');
    const run = cli(['check', '--fix', '--no-warnings', '.'], { cwd: root });
    assert.equal(run.status, 1);
    assert.deepEqual(lines(run.stdout).filter((line) => line.includes('wrote')), [
      'index.yaml: wrote the normalized body of 1 connector',
      'lines.ndjson: wrote the normalized body of 1 connector',
      'tabs.json: wrote the normalized body of 1 connector',
    ]);
    assert.equal(
      readFileSync(join(root, 'tabs.json'), 'utf8'),
      '{\r\n\t"config": {\r\n\t\t"index": "x",\r\n\t\t"refresh": false,\r\n\t\t"executionTimeField": null\r\n\t},\r\n\t"name": "i",\r\n\t"connector_type_id": ".index",\r\n\t"secrets": {}\r\n}\r\n',
    );
    // Only valid bodies are written.
    assert.equal(
      readFileSync(join(root, 'lines.ndjson'), 'utf8'),
      '{"name":"a","connector_type_id":".index","config":{"index":"a","refresh":false,"executionTimeField":null},"secrets":{}}\n{"name":"b","connector_type_id":".index","config":{"index":5}}\n',
    );
    assert.equal(
      readFileSync(join(root, 'index.yaml'), 'utf8'),
      '# an index connector\nname: logs # its name\nconnector_type_id: .index\nconfig:\n  index: logs\n  refresh: false\n  executionTimeField: null\nsecrets: {}\n',
    );
    assert.equal(readFileSync(join(root, 'kibana.yml'), 'utf8'), kibanaBefore);
    // Normalized bodies stay as they are.
    const again = cli(['check', '--fix', '--no-warnings', '.'], { cwd: root });
    assert.doesNotMatch(again.stdout, /wrote/);
  });
});

describe('--kibana-version against the real core', () => {
  test('a webhook PATCH passes on main, fails on 9.1 in its words, and the upgrade check says so', () => {
    const file = join(work, 'patch-webhook.json');
    writeFileSync(file, `${JSON.stringify({ name: 'n', connector_type_id: '.webhook', config: { url: 'https://example.com/hook', method: 'patch' } }, null, 2)}\n`);
    assert.equal(cli(['check', '--kibana-version', 'main', file]).status, 0);
    const old = cli(['check', '--format', 'json', '--kibana-version', '9.1', file]);
    assert.equal(old.status, 1);
    const document = JSON.parse(old.stdout);
    const [connector] = document.files[0].connectors;
    assert.match(connector.kibana['9.1'].message, /^error validating action type config: \[method\]: types that failed validation:/);
    const upgrade = cli(['check', '--kibana-version', '9.1,main', file]);
    assert.equal(upgrade.status, 1);
    assert.match(upgrade.stdout, /9\.1/);
    assert.match(upgrade.stdout, /main/);
    const bad = cli(['check', '--kibana-version', '7.17', file]);
    assert.equal(bad.status, 2);
  });
});

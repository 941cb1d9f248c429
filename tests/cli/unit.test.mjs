// The command's parts in-process: the JSON position scanner, kibana.yml read as Kibana reads it,
// the comparison of Kibana versions with a stubbed core (the core's `kibanaVersion` option is
// another change), the progress line, colours.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineIndex, JsonSyntaxError, locateTokens, pointerTokens, scanDocument } from '../../cli/json.mjs';
import { readUnits } from '../../cli/sources.mjs';
import { parseVersions } from '../../cli/check.mjs';
import { run } from '../../cli/main.mjs';
import * as core from '../../pkg/node.js';

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-cli-unit-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A writable that keeps what it is given. */
function sink(isTTY = false) {
  const stream = { text: '', isTTY, write: (chunk) => { stream.text += chunk; return true; } };
  return stream;
}

async function runIn(cwd, argv, { core: c = core, env = {}, isTTY = false } = {}) {
  const stdout = sink();
  const stderr = sink(isTTY);
  const code = await run(argv, { core: c, stdout, stderr, cwd, env, readStdin: async () => '' });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('JSON positions', () => {
  const at = (text, pointer) => {
    const node = scanDocument(text);
    return new LineIndex(text).position(locateTokens(node, pointerTokens(pointer)).offset);
  };

  test('a member is found at its key; an item at its value; a missing field at its nearest parent', () => {
    const text = '{\n  "a": {"b~c": [1, {"d/e": 2}]},\n  "f": null\n}';
    assert.deepEqual(at(text, '/a'), { line: 2, column: 3 });
    assert.deepEqual(at(text, '/a/b~0c/1'), { line: 2, column: 20 });
    assert.deepEqual(at(text, '/a/b~0c/1/d~1e'), { line: 2, column: 21 });
    assert.deepEqual(at(text, '/a/missing'), { line: 2, column: 3 });
    assert.deepEqual(at(text, '/f/g'), { line: 3, column: 3 });
    assert.deepEqual(at(text, ''), { line: 1, column: 1 });
  });

  test('columns count UTF-16 code units (as SARIF\'s utf16CodeUnits); a duplicate key is the last, as in JSON.parse', () => {
    assert.deepEqual(at('{"😀": 1, "x": 2}', '/x'), { line: 1, column: 11 });
    assert.deepEqual(at('{"x": 1,\n "x": 2}', '/x'), { line: 2, column: 2 });
  });

  test('syntax errors: the offset of the error, a message that quotes nothing of the text', () => {
    for (const [text, offset] of [
      ['{"a": "secret-value}', 20],
      ['{"a": 01}', 7],
      ['{"a": tru}', 6],
      ['{"a": "x\ty"}', 8],
      ['{"a": 1,}', 8],
      ['[1 2]', 3],
      ['{"a": 1} x', 9],
      ['{"a": "\\q"}', 7],
    ]) {
      assert.throws(() => scanDocument(text), (error) => error instanceof JsonSyntaxError && error.offset === offset && !error.message.includes('secret'), text);
    }
    // What JSON.parse accepts, the scanner accepts.
    for (const text of ['{"a": -0.5e+10, "b": [true, false, null], "c": "\\u00e9\\n\\/"}', ' [] ', '"x"', '1e400']) {
      assert.doesNotThrow(() => scanDocument(text));
      assert.doesNotThrow(() => JSON.parse(text));
    }
  });
});

describe('kibana.yml, read as Kibana reads it', () => {
  const read = (text, env = {}) => readUnits('kibana.yml', text, { env });
  const ids = (result) => result.units.map((unit) => unit.id);

  test('dotted keys split at every level, [brackets] keep dots, later spellings win', () => {
    const result = read(
      [
        'xpack.actions.preconfigured:',
        '  a:',
        '    name: first',
        '    actionTypeId: .webhook',
        '    config:',
        '      url: https://example.com',
        '      headers:',
        '        "[X.Custom]": kept',
        '        X.Split: split',
        'xpack.actions.preconfigured.a.name: second',
        '',
      ].join('\n'),
    );
    assert.deepEqual(ids(result), ['a']);
    const [unit] = result.units;
    assert.equal(unit.body.name, 'second');
    assert.deepEqual(unit.body.config.headers, { 'X.Custom': 'kept', X: { Split: 'split' } });
    assert.deepEqual(unit.locate('/name'), { line: 10, column: 31 });
    // Inside the brackets of a quoted `"[X.Custom]"`.
    assert.deepEqual(unit.locate('/config/headers/X.Custom'), { line: 8, column: 11 });
    assert.deepEqual(unit.locate('/config/headers/X/Split'), { line: 9, column: 11 });
  });

  test('${VAR} from the environment, ${VAR:default} from its default, an unknown one reported', () => {
    const text = 'xpack.actions.preconfigured.i:\n  name: ${NAME:fallback}\n  actionTypeId: .index\n  config:\n    index: ${INDEX}\n';
    const [unset] = read(text).units;
    assert.equal(unset.body.name, 'fallback');
    assert.deepEqual(unset.preIssues.map((issue) => [issue.code, issue.pointer]), [['unresolved_variable', '/config/index']]);
    const [set] = read(text, { INDEX: 'alerts', NAME: 'named' }).units;
    assert.deepEqual([set.body.name, set.body.config.index, set.preIssues], ['named', 'alerts', []]);
  });

  test('Kibana\'s start-up rules: ids, the reserved id, forbidden paths, a record that became an array', () => {
    const bad = read('xpack.actions.preconfigured:\n  constructor: {name: c, actionTypeId: .index}\n  preconfigured-alert-history-es-index: {name: h, actionTypeId: .index}\n');
    assert.deepEqual(bad.units[0].preIssues.map((issue) => [issue.code, issue.message]), [['invalid_id', '[config validation of [xpack.actions].preconfigured]: invalid preconfigured action id "constructor"']]);
    assert.deepEqual(bad.units[1].preIssues.map((issue) => [issue.severity, issue.code]), [['warning', 'reserved_id']]);
    const forbidden = read('xpack.actions.preconfigured.x.config.__proto__.polluted: true\n');
    assert.deepEqual(forbidden.fileIssues.map((issue) => [issue.code, issue.message, issue.position]), [
      ['invalid_key', 'Kibana refuses to start: Forbidden path detected: xpack.actions.preconfigured.x.config.__proto__.polluted', { line: 1, column: 38 }],
    ]);
    // lodash `set` makes an array of a missing parent when the next key is a number.
    const numeric = read('xpack.actions.preconfigured.1.name: one\n');
    assert.deepEqual(numeric.units, []);
    assert.equal(numeric.fileIssues[0].message, 'Kibana refuses to start: [config validation of [xpack.actions].preconfigured]: expected value of type [object] but got [Array]');
  });

  test('the entry schema: types, lengths, unknown keys, exposeConfig, config as JSON text', () => {
    const result = read(
      'xpack.actions.preconfigured:\n  a: {name: 1, actionTypeId: .index, config: \'{"index": "i"}\', exposeConfig: "TRUE"}\n  b: {name: b, actionTypeId: .index, config: [1], exposeConfig: yes, extra: 1}\n  c: just text\n',
    );
    const codes = (unit) => unit.preIssues.map((issue) => [issue.code, issue.pointer]);
    assert.deepEqual(codes(result.units[0]), [['invalid_type', '/name']]);
    assert.deepEqual(result.units[0].body.config, { index: 'i' });
    assert.deepEqual(codes(result.units[1]), [['invalid_type', '/config'], ['invalid_type', '/exposeConfig'], ['unknown_key', '/extra']]);
    assert.deepEqual(codes(result.units[2]), [['invalid_type', '']]);
    assert.equal(result.units[2].body, null);
  });

  test('with the core: a system action type stops Kibana; the create id rule is only a warning', async () => {
    const root = join(dir, 'system');
    mkdirSync(root);
    writeFileSync(join(root, 'kibana.yml'), 'xpack.actions.preconfigured:\n  My_Cases:\n    name: cases\n    actionTypeId: .cases\n');
    const out = await runIn(root, ['check', '--format', 'json', 'kibana.yml']);
    const [connector] = JSON.parse(out.stdout).files[0].connectors;
    assert.equal(connector.kibana.outcome, 'does_not_start');
    assert.equal(connector.kibana.text, 'would not start: Setting system action types in preconfigured connectors are not allowed');
    const id = connector.problems.find((problem) => problem.code === 'invalid_id');
    assert.equal(id.severity, 'warning');
  });
});

describe('--kibana-version, with a stubbed core', () => {
  /** A core that knows 8.19 and 9.6: `.old` is gone in 9.6; 7.0 is refused. */
  function stubCore(calls) {
    return {
      version: () => '0.0.0-stub',
      normalize: () => ({ ok: false, errors: [] }),
      validate(body, options = {}) {
        calls.push(options);
        if (options.kibanaVersion === '7.0') {
          return { valid: false, errors: [{ code: 'invalid_options', path: '', message: 'Kibana 7.0 is not modelled (8.19 to main)', params: { option: 'kibanaVersion' } }], warnings: [], kibanaError: null };
        }
        const value = typeof body === 'string' ? JSON.parse(body) : body;
        const warnings = [{ code: 'server_check', path: '/connector_type_id', message: 'a server check' }];
        if (value.connector_type_id === '.old' && options.kibanaVersion === '9.6') {
          const message = 'Action type ".old" is not registered.';
          return { valid: false, errors: [{ code: 'unknown_connector_type', path: '/connector_type_id', message }], warnings, kibanaError: { statusCode: 400, error: 'Bad Request', message } };
        }
        return { valid: true, errors: [], warnings, kibanaError: null };
      },
    };
  }

  test('each version is checked with { kibanaVersion }; no version, no kibanaVersion', async () => {
    const root = join(dir, 'versions');
    mkdirSync(root);
    writeFileSync(join(root, 'old.json'), '{\n  "name": "o",\n  "connector_type_id": ".old"\n}\n');
    writeFileSync(join(root, 'new.json'), '{"name": "n", "connector_type_id": ".new"}\n');
    const calls = [];
    const out = await runIn(root, ['check', '--kibana-version', '8.19,9.6', 'old.json', 'new.json'], { core: stubCore(calls) });
    assert.equal(out.code, 1, out.stderr);
    // Two probes, then each file once per version.
    assert.deepEqual(calls.map((options) => options.kibanaVersion), ['8.19', '9.6', '8.19', '9.6', '8.19', '9.6']);
    assert.deepEqual(out.stdout.split('\n'), [
      'old.json:3:3: warning server_check a server check',
      'old.json:3:3: error unknown_connector_type Action type ".old" is not registered. [on 9.6]',
      'old.json:1:1: kibana 8.19: 200 OK: Kibana would create the connector',
      'old.json:1:1: kibana 9.6: 400 Bad Request: Action type ".old" is not registered.',
      'new.json:1:15: warning server_check a server check',
      'new.json:1:1: kibana 200 OK: Kibana would create the connector',
      'upgrade 8.19 → 9.6: 1 connector pass on 8.19 and fail on 9.6; 0 fail on 8.19 and pass on 9.6',
      '2 files, 2 connectors, 1 error, 2 warnings',
      '',
    ]);
    const json = JSON.parse((await runIn(root, ['check', '--format', 'json', '--kibana-version', '8.19,9.6', 'old.json'], { core: stubCore([]) })).stdout);
    assert.deepEqual(json.kibanaVersions, ['8.19', '9.6']);
    assert.deepEqual(json.summary.upgrade, [{ from: '8.19', to: '9.6', broken: 1, fixed: 0 }]);
    const [connector] = json.files[0].connectors;
    assert.deepEqual(Object.keys(connector.kibana), ['8.19', '9.6']);
    assert.equal(connector.kibana['8.19'].valid, true);
    assert.equal(connector.kibana['9.6'].statusCode, 400);
    assert.deepEqual(connector.problems[1].versions, ['9.6']);

    const single = [];
    assert.equal((await runIn(root, ['check', '--kibana-version', '8.19', 'new.json'], { core: stubCore(single) })).code, 0);
    assert.deepEqual(single, [{ kibanaVersion: '8.19' }, { kibanaVersion: '8.19' }]);
    const none = [];
    await runIn(root, ['check', 'new.json'], { core: stubCore(none) });
    assert.deepEqual(none, [{}]);
  });

  test('a version the core refuses is a usage error (exit 2, the core\'s words)', async () => {
    const out = await runIn(dir, ['check', '--kibana-version', '8.19,7.0', 'x.json'], { core: stubCore([]) });
    assert.equal(out.code, 2);
    assert.equal(out.stderr, 'kibana-connectors: --kibana-version 7.0: Kibana 7.0 is not modelled (8.19 to main)\n(kibana-connectors --help for the usage)\n');
  });

  test('repeated, the flag adds versions; any other option given twice is a usage error', async () => {
    const root = join(dir, 'repeated');
    mkdirSync(root);
    writeFileSync(join(root, 'old.json'), '{"name": "o", "connector_type_id": ".old"}\n');
    const core = { ...stubCore([]), kibanaVersions: () => [{ version: '8.19' }, { version: '9.6' }] };
    const out = await runIn(root, ['check', '--kibana-version', '9.6', '--kibana-version', '8.19', 'old.json'], { core });
    assert.equal(out.code, 1, out.stderr);
    assert.match(out.stdout, /^upgrade 8\.19 → 9\.6: 1 connector pass on 8\.19 and fail on 9\.6/m);
    const twice = await runIn(dir, ['check', '--kibana-version', '8.19', '--kibana-version=8.19', 'x.json'], { core: stubCore([]) });
    assert.match(twice.stderr, /--kibana-version: a version is named twice/);
    for (const args of [['--format', 'json', '--format', 'text'], ['--mode', 'update', '--type', '.webhook', '--mode=create'], ['--color=never', '--color', 'always'], ['--mode', 'update', '--type', '.a', '--type', '.b']]) {
      const run2 = await runIn(dir, ['check', ...args, 'x.json'], { core: stubCore([]) });
      assert.equal(run2.code, 2, args.join(' '));
      assert.match(run2.stderr, /^kibana-connectors: --(format|mode|color|type) is given twice\n/, args.join(' '));
    }
  });

  test('the flag\'s syntax', () => {
    assert.deepEqual(parseVersions('8.19'), ['8.19']);
    assert.deepEqual(parseVersions('8.19, 9.3.2,main'), ['8.19', '9.3.2', 'main']);
    for (const bad of ['', '8', '8.x', 'v8.19', '8.19,', '8.19.1.2', 'latest']) assert.throws(() => parseVersions(bad), /--kibana-version/, bad);
  });
});

describe('the terminal', () => {
  test('a progress line on stderr past 300 files, on interactive terminals only', async () => {
    const root = join(dir, 'many');
    mkdirSync(root);
    for (let i = 0; i < 301; i += 1) writeFileSync(join(root, `c${i}.json`), '{"name":"n","connector_type_id":".server-log","config":{}}');
    const tty = await runIn(root, ['check', '.'], { isTTY: true });
    assert.equal(tty.code, 0);
    assert.match(tty.stderr, /\rkibana-connectors: checked 301\/301 files/);
    assert.ok(tty.stderr.endsWith('\r\u001b[K'));
    assert.equal((await runIn(root, ['check', '.'], { isTTY: false })).stderr, '');
    assert.equal((await runIn(root, ['check', '--quiet', '.'], { isTTY: true })).stderr, '');
    assert.equal((await runIn(root, ['check', 'c1.json', 'c2.json'], { isTTY: true })).stderr, '');
  });

  test('--color always paints, never and a pipe do not', async () => {
    const root = join(dir, 'color');
    mkdirSync(root);
    writeFileSync(join(root, 'a.json'), '{"name":"n","connector_type_id":".index","config":{}}');
    assert.match((await runIn(root, ['check', '--color', 'always', 'a.json'])).stdout, /\u001b\[31merror\u001b\[0m/);
    assert.doesNotMatch((await runIn(root, ['check', '--color', 'never', 'a.json'])).stdout, /\u001b\[/);
    assert.doesNotMatch((await runIn(root, ['check', 'a.json'])).stdout, /\u001b\[/);
  });
});

// `kibana-connectors check …`: arguments, files, checking, output, exit code.
//
// `run(argv, io)` does everything and returns the exit code; `io` brings the core and the outside
// world (streams, working directory, environment), so tests can run it in-process with a stub.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkUnit, compareVersions, coreOptions, parseVersions } from './check.mjs';
import { fixJson, fixYaml, orderLike } from './fix.mjs';
import { formatGithub, formatJson, formatSarif, formatText } from './output.mjs';
import { CHECKED_EXTENSIONS, SourceError, readUnits } from './sources.mjs';

export const USAGE = `Usage: kibana-connectors check [options] <file | folder | ->...

Checks Kibana connectors kept as files: create-connector bodies (JSON, a JSON array, NDJSON,
YAML with one or several documents), kibana.yml (xpack.actions.preconfigured) and Kibana
saved-object exports (.ndjson). Folders are walked for .json, .ndjson, .jsonl, .yaml and .yml
files; - reads standard input.

Options:
  --mode create|update     the bodies are create (default) or update bodies
  --type <id>              the connector type of update bodies (with --mode update)
  --kibana-version <v>     check as that Kibana version checks (8.19, 9.3.2, main); several,
                           comma-separated or repeated, compare them oldest first (8.19,9.6:
                           what passes on one and fails on the other)
  --format <f>             text (default), json, github (workflow annotations) or sarif (2.1.0)
  --fix                    write the normalized body back into files whose bodies are valid
  --strict                 warnings fail the check too (exit code 1)
  --no-warnings            neither print nor count warnings
  --quiet                  print only the problems (no answers, no summary)
  --color auto|always|never
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 all valid (warnings allowed unless --strict), 1 problems found,
2 usage or I/O error (a missing file, a file that is not JSON or YAML).`;

class UsageError extends Error {}

const OPTIONS = {
  mode: { type: 'string' },
  type: { type: 'string' },
  // Repeated, the versions add up (`--kibana-version 8.19 --kibana-version 9.6` is `8.19,9.6`).
  'kibana-version': { type: 'string', multiple: true },
  format: { type: 'string' },
  fix: { type: 'boolean' },
  strict: { type: 'boolean' },
  'no-warnings': { type: 'boolean' },
  quiet: { type: 'boolean' },
  color: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

function oneOf(name, value, allowed, fallback) {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** The settings of a run from its arguments. Throws UsageError. */
export function parseArguments(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals, tokens } = parsed;
  // parseArgs keeps the last of a repeated option: `--format json --format text` would drop json.
  const given = new Set();
  for (const token of tokens) {
    if (token.kind !== 'option' || OPTIONS[token.name].type !== 'string' || OPTIONS[token.name].multiple) continue;
    if (given.has(token.name)) throw new UsageError(`--${token.name} is given twice`);
    given.add(token.name);
  }
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('no command: write kibana-connectors check <files…>');
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (the command is check)`);
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('- (standard input) can be named once');
  const settings = {
    paths,
    mode: oneOf('mode', values.mode, ['create', 'update'], 'create'),
    type: values.type,
    format: oneOf('format', values.format, ['text', 'json', 'github', 'sarif'], 'text'),
    color: oneOf('color', values.color, ['auto', 'always', 'never'], 'auto'),
    fix: Boolean(values.fix),
    strict: Boolean(values.strict),
    noWarnings: Boolean(values['no-warnings']),
    quiet: Boolean(values.quiet),
    versions: undefined,
  };
  if (settings.mode === 'update' && !settings.type) throw new UsageError('--mode update needs --type (the connector type of the bodies, e.g. --type .webhook)');
  if (settings.type !== undefined && settings.mode !== 'update') throw new UsageError('--type is for update bodies: add --mode update');
  if (values['kibana-version'] !== undefined) {
    try {
      settings.versions = parseVersions(values['kibana-version'].join(','));
    } catch (error) {
      throw new UsageError(error.message);
    }
  }
  if (settings.fix && paths.includes('-')) throw new UsageError('--fix writes files: it cannot write standard input back');
  if (settings.fix && settings.versions && settings.versions.length > 1) throw new UsageError('--fix takes one --kibana-version');
  // Last: an option that took the only path as its value (`--kibana-version a.json`) is named first.
  if (paths.length === 0) throw new UsageError('check needs files, folders or - (standard input)');
  return settings;
}

/** Files named or found in folders: `{ files: [{ path, display }], errors }`. */
function collectFiles(paths, cwd) {
  const files = [];
  const errors = [];
  const seen = new Set();
  const add = (path, display) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, display });
  };
  const walk = (dir, display) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push(`cannot read the folder ${display}: ${error.code ?? error.message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const shown = join(display, entry.name);
      let isFile = entry.isFile();
      // Symbolic links to files are followed, to folders not (no cycles).
      if (entry.isSymbolicLink()) {
        try {
          isFile = statSync(path).isFile();
        } catch {
          isFile = false;
        }
      }
      if (entry.isDirectory()) walk(path, shown);
      else if (isFile && CHECKED_EXTENSIONS.has(extension(entry.name))) add(path, shown);
    }
  };
  for (const given of paths) {
    if (given === '-') {
      files.push({ path: '-', display: '<stdin>' });
      continue;
    }
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      errors.push(error.code === 'ENOENT' ? `${given}: no such file or folder` : `cannot read ${given}: ${error.code ?? error.message}`);
      continue;
    }
    if (stat.isDirectory()) walk(path, given);
    else add(path, given);
  }
  return { files, errors };
}

function extension(name) {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Checks that the core takes each `--kibana-version`, and puts them in release order (oldest
 * first, a line without a patch after its patches: it means the newest), so that each comparison
 * is an upgrade. Throws UsageError.
 */
function probeVersions(core, versions) {
  if (versions === undefined) return undefined;
  for (const version of versions) {
    const report = core.validate({ name: 'probe', connector_type_id: '.index', config: { index: 'probe' } }, { kibanaVersion: version });
    const refused = report.errors.find((error) => error.code === 'invalid_options');
    if (refused) {
      throw new UsageError(
        refused.params?.option === 'kibanaVersion' && /unknown option/i.test(refused.message)
          ? '--kibana-version: this build of kibana-connectors does not know Kibana versions yet'
          : `--kibana-version ${version}: ${refused.message}`,
      );
    }
  }
  const lines = typeof core.kibanaVersions === 'function' ? core.kibanaVersions().map((release) => release.version) : null;
  if (!lines) return versions;
  const rank = (version) => {
    const [major, minor, patch] = version.split('.');
    const line = version === 'main' ? lines.indexOf('main') : lines.indexOf(`${major}.${minor}`);
    return [line, patch === undefined ? Infinity : Number(patch)];
  };
  return [...versions].sort((a, b) => {
    const [lineA, patchA] = rank(a);
    const [lineB, patchB] = rank(b);
    return lineA - lineB || patchA - patchB;
  });
}

/** Progress on stderr, for interactive terminals and more than a few hundred files. */
function progress(stderr, total, enabled, now) {
  if (!enabled || total <= 300 || !stderr.isTTY) return { tick() {}, done() {} };
  let last = 0;
  return {
    tick(done) {
      const t = now();
      if (t - last < 100 && done !== total) return;
      last = t;
      stderr.write(`\rkibana-connectors: checked ${done}/${total} files`);
    },
    done() {
      stderr.write('\r\u001b[K');
    },
  };
}

/** Runs the command; returns the exit code. */
export async function run(argv, io) {
  const { core, stdout, stderr, cwd = process.cwd(), env = process.env, readStdin, now = () => Date.now() } = io;
  let settings;
  try {
    settings = parseArguments(argv);
    if (settings.help) {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (settings.version) {
      stdout.write(`${core.version()}\n`);
      return 0;
    }
    settings.versions = probeVersions(core, settings.versions);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`kibana-connectors: ${error.message}\n(kibana-connectors --help for the usage)\n`);
    return 2;
  }

  const { files, errors: ioErrors } = collectFiles(settings.paths, cwd);
  const checkSettings = { core, versions: settings.versions, mode: settings.mode, type: settings.type };
  const ticker = progress(stderr, files.length, !settings.quiet, now);
  const checked = [];
  let done = 0;
  let unreadable = 0;
  for (const file of files) {
    done += 1;
    ticker.tick(done);
    const entry = { ...file, format: null, issues: [], results: [], fixed: 0 };
    checked.push(entry);
    let text;
    try {
      text = file.path === '-' ? await readStdin() : readFileSync(file.path, 'utf8');
    } catch (error) {
      unreadable += 1;
      entry.issues.push({ severity: 'error', code: 'unreadable_file', pointer: '', message: `cannot read the file (${error.code ?? 'error'})`, position: { line: 1, column: 1 }, io: true });
      continue;
    }
    let read;
    try {
      read = readUnits(file.path === '-' ? '-' : file.path, text, { env });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      unreadable += 1;
      entry.issues.push({ severity: 'error', code: error.code, pointer: '', message: error.message, position: error.position, io: true });
      continue;
    }
    entry.format = read.format;
    entry.issues.push(...(read.fileIssues ?? []));
    entry.results = read.units.map((unit) => checkUnit(unit, checkSettings));
    if (settings.fix) entry.fixed = fix(entry, core, checkSettings);
  }
  ticker.done();

  if (settings.noWarnings) {
    for (const file of checked) {
      file.issues = file.issues.filter((issue) => issue.severity !== 'warning');
      for (const result of file.results) result.issues = result.issues.filter((issue) => issue.severity !== 'warning');
    }
  }
  const all = checked.flatMap((file) => [...file.issues, ...file.results.flatMap((result) => result.issues)]);
  const summary = {
    files: checked.length,
    connectors: checked.reduce((n, file) => n + file.results.length, 0),
    errors: all.filter((issue) => issue.severity === 'error').length,
    warnings: all.filter((issue) => issue.severity === 'warning').length,
  };
  const usageOrIo = ioErrors.length > 0 || unreadable > 0;
  let exitCode = 0;
  if (summary.errors > 0 || (settings.strict && summary.warnings > 0)) exitCode = 1;
  if (usageOrIo) exitCode = 2;

  const runResult = {
    cwd,
    files: checked,
    summary,
    versions: settings.versions,
    upgrade: settings.versions && settings.versions.length > 1 ? compareVersions(checked.flatMap((file) => file.results), settings.versions) : undefined,
    exitCode,
    ioErrors,
    toolVersion: core.version(),
    homepage: io.homepage,
  };
  // Paths that could not be read have no position: stderr, in every format.
  for (const message of ioErrors) stderr.write(`kibana-connectors: ${message}\n`);
  const color = settings.color === 'always' || (settings.color === 'auto' && stdout.isTTY === true && !env.NO_COLOR);
  if (settings.format === 'json') stdout.write(formatJson(runResult));
  else if (settings.format === 'sarif') stdout.write(formatSarif(runResult));
  else if (settings.format === 'github') stdout.write(formatGithub(runResult, { quiet: settings.quiet }));
  else stdout.write(formatText(runResult, { color, quiet: settings.quiet }));
  return exitCode;
}

/** Writes the normalized bodies of a file's valid units back; returns how many changed. */
function fix(entry, core, settings) {
  const jsonEdits = [];
  const yamlEdits = [];
  let jsonFix;
  let yamlFix;
  const version = settings.versions?.[0];
  for (const result of entry.results) {
    const { unit } = result;
    if (!unit.fix || !result.valid) continue;
    const normalized = core.normalize(unit.body, coreOptions(unit, settings, version));
    if (!normalized.ok) continue;
    const original = typeof unit.body === 'string' ? JSON.parse(unit.body) : unit.body;
    const value = orderLike(original, normalized.body);
    if (JSON.stringify(value) === JSON.stringify(original)) continue;
    if (unit.fix.kind === 'json') {
      jsonFix = unit.fix;
      jsonEdits.push({ node: unit.fix.node, value });
    } else {
      yamlFix = unit.fix;
      yamlEdits.push({ docIndex: unit.fix.docIndex, path: unit.fix.path, value });
    }
  }
  if (jsonEdits.length > 0) writeFileSync(entry.path, restoreBom(entry.path, fixJson(jsonFix.text, jsonEdits, jsonFix.eol)));
  if (yamlEdits.length > 0) writeFileSync(entry.path, restoreBom(entry.path, fixYaml(yamlFix.docs, yamlEdits)));
  return jsonEdits.length + yamlEdits.length;
}

/** A file that began with a byte order mark keeps it. */
function restoreBom(path, text) {
  const had = readFileSync(path, 'utf8').charCodeAt(0) === 0xfeff;
  return had ? `\ufeff${text}` : text;
}

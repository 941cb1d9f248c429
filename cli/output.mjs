// The four output formats. Every message comes from the core (which never includes a secret) or
// from this tool (which never quotes a value from a file), so nothing here can print a secret.
import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';

/** This tool's own codes, beside the core's (README, "Issue codes"). */
export const CLI_CODES = {
  invalid_yaml: 'The file is not YAML that can be read (or, for kibana.yml, not YAML Kibana reads).',
  unreadable_file: 'The file or folder cannot be read.',
  invalid_key: 'kibana.yml: a key Kibana refuses at start (a forbidden path).',
  secrets_absent: 'A secret the file does not hold: exports leave secrets out, kibana.yml may leave them to the keystore.',
  unresolved_variable: 'kibana.yml: a ${VAR} reference to an environment variable that is not set here.',
  reserved_id: 'kibana.yml: an id Kibana keeps for itself (it ignores the connector).',
  truncated: 'More problems than one report holds.',
};

const oneLine = (text) => String(text).replace(/\s*\n\s*/g, ' ');

function versionSuffix(issue) {
  return issue.versions ? ` [on ${issue.versions.join(', ')}]` : '';
}

function paint(enabled) {
  const wrap = (code) => (text) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), bold: wrap('1'), green: wrap('32'), dim: wrap('2') };
}

/** The answer lines of a connector: one, or one per version when they differ. */
function answerLines(result) {
  const { answers } = result;
  const same = answers.every((answer) => answer.text === answers[0].text);
  if (same) return [`kibana ${oneLine(answers[0].text)}`];
  return answers.map((answer) => `kibana ${answer.version}: ${oneLine(answer.text)}`);
}

function summaryLine(run) {
  const { summary } = run;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.files, 'file')}, ${plural(summary.connectors, 'connector')}, ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
}

function upgradeLines(run) {
  return (run.upgrade ?? []).map(
    ({ from, to, broken, fixed }) => `upgrade ${from} → ${to}: ${broken} connector${broken === 1 ? '' : 's'} pass on ${from} and fail on ${to}; ${fixed} fail on ${from} and pass on ${to}`,
  );
}

/** `file:line:column: error|warning code message` lines, then each connector's answer. */
export function formatText(run, { color = false, quiet = false } = {}) {
  const c = paint(color);
  const lines = [];
  const at = (file, position) => c.bold(`${file}:${position.line}:${position.column}:`);
  const problem = (file, issue) => {
    const severity = issue.severity === 'error' ? c.red('error') : c.yellow('warning');
    lines.push(`${at(file, issue.position)} ${severity} ${issue.code} ${oneLine(issue.message)}${versionSuffix(issue)}`);
  };
  for (const file of run.files) {
    for (const issue of file.issues) problem(file.display, issue);
    for (const result of file.results) {
      if (result.issues.length === 0) continue;
      for (const issue of result.issues) problem(file.display, issue);
      if (!quiet) for (const line of answerLines(result)) lines.push(`${at(file.display, result.unit.start)} ${c.cyan(line)}`);
    }
    if (!quiet && file.fixed) lines.push(`${file.display}: wrote the normalized body of ${file.fixed} connector${file.fixed === 1 ? '' : 's'}`);
  }
  if (!quiet) {
    lines.push(...upgradeLines(run));
    const summary = summaryLine(run);
    lines.push(run.summary.errors > 0 ? c.red(summary) : c.green(summary));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** GitHub Actions workflow commands: one annotation a problem; answers and summary as log lines. */
export function formatGithub(run, { quiet = false } = {}) {
  const data = (text) => String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = [];
  const annotate = (file, issue) => {
    const command = issue.severity === 'error' ? 'error' : 'warning';
    lines.push(
      `::${command} file=${property(file)},line=${issue.position.line},col=${issue.position.column},title=${property(`kibana-connectors ${issue.code}`)}::${data(`${issue.message}${versionSuffix(issue)}`)}`,
    );
  };
  for (const file of run.files) {
    const name = file.path === '-' ? '-' : relative(run.cwd, file.path).split(sep).join('/');
    for (const issue of file.issues) annotate(name, issue);
    for (const result of file.results) {
      if (result.issues.length === 0) continue;
      for (const issue of result.issues) annotate(name, issue);
      if (!quiet) for (const line of answerLines(result)) lines.push(`${file.display}:${result.unit.start.line}:${result.unit.start.column}: ${line}`);
    }
  }
  if (!quiet) lines.push(...upgradeLines(run), summaryLine(run));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function jsonIssue(issue) {
  return {
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    path: issue.pointer,
    line: issue.position.line,
    column: issue.position.column,
    ...(issue.params === undefined ? {} : { params: issue.params }),
    ...(issue.versions ? { versions: issue.versions } : {}),
  };
}

function jsonAnswer(answer) {
  const { version: _version, valid: _valid, ...rest } = answer;
  return rest;
}

/** The whole run as one JSON document. */
export function formatJson(run) {
  const versions = run.versions;
  const document = {
    tool: { name: 'kibana-connectors', version: run.toolVersion },
    kibanaVersions: versions ?? null,
    files: run.files.map((file) => ({
      file: file.display,
      format: file.format,
      problems: file.issues.map(jsonIssue),
      connectors: file.results.map((result) => ({
        index: result.unit.index,
        ...(result.unit.id === undefined ? {} : { id: result.unit.id }),
        line: result.unit.start.line,
        column: result.unit.start.column,
        valid: result.valid,
        kibana: versions
          ? Object.fromEntries(result.answers.map((answer) => [answer.version, { valid: answer.valid, ...jsonAnswer(answer) }]))
          : jsonAnswer(result.answers[0]),
        problems: result.issues.map(jsonIssue),
      })),
      ...(file.fixed ? { fixed: file.fixed } : {}),
    })),
    summary: { ...run.summary, ...(run.upgrade ? { upgrade: run.upgrade } : {}) },
    exitCode: run.exitCode,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** SARIF 2.1.0, for code-scanning tools (GitHub's upload-sarif among them). */
export function formatSarif(run) {
  const base = pathToFileURL(run.cwd.endsWith(sep) ? run.cwd : `${run.cwd}${sep}`).href;
  const rules = [];
  const ruleIndex = new Map();
  const rule = (code) => {
    if (!ruleIndex.has(code)) {
      ruleIndex.set(code, rules.length);
      rules.push({
        id: code,
        name: code,
        ...(CLI_CODES[code] ? { shortDescription: { text: CLI_CODES[code] } } : {}),
        ...(run.homepage ? { helpUri: `${run.homepage.replace(/#.*$/, '')}#issue-codes` } : {}),
      });
    }
    return ruleIndex.get(code);
  };
  const location = (file, position) => {
    const artifactLocation = file.path === '-' ? { uri: 'stdin' } : artifact(run.cwd, file.path);
    return { physicalLocation: { artifactLocation, region: { startLine: position.line, startColumn: position.column } } };
  };
  const results = [];
  const add = (file, issue, result) =>
    results.push({
      ruleId: issue.code,
      ruleIndex: rule(issue.code),
      level: issue.severity === 'error' ? 'error' : 'warning',
      message: { text: `${issue.message}${versionSuffix(issue)}` },
      locations: [location(file, issue.position)],
      ...(result
        ? {
            properties: {
              connector: { index: result.unit.index, ...(result.unit.id === undefined ? {} : { id: result.unit.id }) },
              pointer: issue.pointer,
              kibana: result.answers.map((answer) => (answer.version === undefined ? answer.text : `${answer.version}: ${answer.text}`)),
            },
          }
        : { properties: { pointer: issue.pointer } }),
    });
  for (const file of run.files) {
    for (const issue of file.issues) add(file, issue, null);
    for (const result of file.results) for (const issue of result.issues) add(file, issue, result);
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kibana-connectors',
            version: run.toolVersion,
            ...(run.homepage ? { informationUri: run.homepage } : {}),
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: run.exitCode !== 2,
            exitCode: run.exitCode,
            toolExecutionNotifications: run.ioErrors.map((message) => ({ level: 'error', message: { text: message } })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;

  function artifact(cwd, path) {
    const rel = relative(cwd, path);
    if (rel.startsWith('..') || rel === '' || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return { uri: pathToFileURL(path).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
}

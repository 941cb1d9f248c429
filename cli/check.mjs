// Checking units with the core, once per Kibana version, and comparing the versions.
//
// The core is injected (`{ validate, normalize }`), so that the comparison of versions can be
// tested with a stub before the core knows Kibana versions.

/** `8.19`, `9.3.2` or `main`. */
const VERSION = /^(main|[0-9]+\.[0-9]+(\.[0-9]+)?)$/;

/** Parses `--kibana-version`: a version or a comma-separated list. Throws a usage message. */
export function parseVersions(value) {
  const versions = value.split(',').map((part) => part.trim());
  for (const version of versions) {
    if (!VERSION.test(version)) {
      throw new Error(`--kibana-version: "${version}" is not a Kibana version (write 8.19, 9.3.2 or main; several with commas: 8.19,9.6)`);
    }
  }
  if (new Set(versions).size !== versions.length) throw new Error('--kibana-version: a version is named twice');
  return versions;
}

/** The options the core gets for a unit, for one version (undefined: no `kibanaVersion`). */
export function coreOptions(unit, settings, version) {
  const options = { ...unit.options };
  if (unit.format === 'body' && settings.mode === 'update') {
    options.mode = 'update';
    options.connectorTypeId = settings.type;
  }
  if (version !== undefined) options.kibanaVersion = version;
  return options;
}

/** One issue of the core, in the file's terms (pointer, position), adjusted for the unit's format. */
function fromCore(unit, severity, issue) {
  const converted = {
    severity,
    code: issue.code,
    pointer: unit.filePointer(issue.path, issue.code),
    message: issue.message,
    ...(issue.params === undefined || issue.params === null ? {} : { params: issue.params }),
  };
  return unit.adjust ? unit.adjust(converted) : converted;
}

/** One version's check of a unit: `{ version, issues, kibanaError, valid, answer }`. */
function checkOnce(unit, settings, version) {
  const issues = (unit.preIssues ?? []).map((issue) => ({ ...issue }));
  let report = null;
  if (unit.body !== null || unit.format !== 'kibana.yml') {
    report = settings.core.validate(unit.body, coreOptions(unit, settings, version));
    for (const error of report.errors) {
      const issue = fromCore(unit, 'error', error);
      if (issue) issues.push(issue);
    }
    for (const warning of report.warnings) {
      const issue = fromCore(unit, 'warning', warning);
      if (issue) issues.push(issue);
    }
    if (report.truncated) {
      issues.push({ severity: 'warning', code: 'truncated', pointer: '', message: 'More problems than a report holds (1,000 errors and 1,000 warnings): the rest are not shown' });
    }
  }
  const valid = !issues.some((issue) => issue.severity === 'error');
  const kibanaError = report?.kibanaError ?? null;
  const answer = answerOf(unit, settings, issues, kibanaError, valid);
  // Which release answered, and how sure the core is (cores that know Kibana versions say).
  if (report?.kibanaVersion !== undefined) answer.kibanaVersion = report.kibanaVersion;
  if (report?.fidelity !== undefined) answer.fidelity = report.fidelity;
  return { version, issues, valid, kibanaError, answer };
}

/**
 * Kibana's predicted answer for a unit: `{ outcome, text, statusCode?, error?, message? }`.
 * A request body: the answer to the request. kibana.yml: whether Kibana starts, then the answer
 * a create request would get. An export: what importing gives.
 */
function answerOf(unit, settings, issues, kibanaError, valid) {
  const http = kibanaError
    ? { statusCode: kibanaError.statusCode, error: kibanaError.error, message: kibanaError.message, text: `${kibanaError.statusCode} ${kibanaError.error}: ${kibanaError.message}` }
    : null;
  const secretsAbsent = issues.some((issue) => issue.code === 'secrets_absent');
  if (unit.format === 'kibana.yml') {
    const fatal = issues.find((issue) => issue.startup);
    if (fatal) return { outcome: 'does_not_start', text: `would not start: ${fatal.message}` };
    if (issues.some((issue) => issue.code === 'system_action_type' && issue.severity === 'error')) {
      return { outcome: 'does_not_start', text: 'would not start: Setting system action types in preconfigured connectors are not allowed' };
    }
    if (issues.some((issue) => issue.code === 'reserved_id')) return { outcome: 'ignored', text: 'starts and ignores this connector (reserved id)' };
    if (!valid && http && issues.some((issue) => issue.code === 'unresolved_variable')) {
      return {
        outcome: 'fails_when_run',
        ...http,
        text: `starts only if its environment sets the variables this connector names; with the values as written here, the connector fails when it runs; as a create request: ${http.text}`,
      };
    }
    if (!valid && http) {
      return { outcome: 'fails_when_run', ...http, text: `starts (it does not check a preconfigured connector's type, config or secrets), but the connector fails when it runs; as a create request: ${http.text}` };
    }
    if (secretsAbsent) return { outcome: 'needs_secrets', text: 'starts; the connector runs only if Kibana\'s keystore holds the secrets this file leaves out' };
    return { outcome: 'starts', text: 'starts, and the connector passes the checks Kibana makes before it runs' };
  }
  if (unit.format === 'export') {
    if (!valid && http) return { outcome: 'invalid', ...http, text: `a create request with this connector would get ${http.text}` };
    if (secretsAbsent) return { outcome: 'needs_secrets', text: 'imports as a connector that needs its secrets set before it can run' };
    if (valid) return { outcome: 'imports', text: 'imports, and runs as it is' };
    return { outcome: 'unknown', text: 'no answer predicted' };
  }
  if (http) return { outcome: 'refused', ...http };
  if (valid) {
    const verb = settings.mode === 'update' ? 'update' : 'create';
    return { outcome: 'accepted', statusCode: 200, text: `200 OK: Kibana would ${verb} the connector` };
  }
  return { outcome: 'unknown', text: 'no answer predicted (the problems above are not Kibana\'s)' };
}

const issueKey = (issue) => `${issue.severity}\u0000${issue.code}\u0000${issue.pointer}\u0000${issue.message}`;

/**
 * Checks a unit for every version: `{ unit, issues, valid, answers, byVersion }`. With several
 * versions, an issue found on some of them only carries `versions`; `answers` holds one answer
 * per version (one with the version undefined when no version was named).
 */
export function checkUnit(unit, settings) {
  const versions = settings.versions ?? [undefined];
  const byVersion = versions.map((version) => checkOnce(unit, settings, version));
  let issues;
  if (byVersion.length === 1) {
    issues = byVersion[0].issues;
  } else {
    const merged = new Map();
    for (const { version, issues: found } of byVersion) {
      for (const issue of found) {
        const key = issueKey(issue);
        if (!merged.has(key)) merged.set(key, { ...issue, versions: [] });
        if (!merged.get(key).versions.includes(version)) merged.get(key).versions.push(version);
      }
    }
    issues = [...merged.values()].map((issue) => {
      if (issue.versions.length === versions.length) {
        const { versions: _all, ...rest } = issue;
        return rest;
      }
      return issue;
    });
  }
  for (const issue of issues) issue.position = unit.locate(issue.pointer);
  // Reading order: by line, then column (stable: Kibana's order among equals).
  issues.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return {
    unit,
    issues,
    valid: byVersion.every((check) => check.valid),
    answers: byVersion.map(({ version, answer, valid }) => ({ version, valid, ...answer })),
  };
}

/**
 * Upgrade comparison between consecutive versions: `[{ from, to, broken, fixed }]`, where
 * `broken` counts connectors that pass on `from` and fail on `to`, `fixed` the other way.
 */
export function compareVersions(results, versions) {
  const pairs = [];
  for (let i = 1; i < versions.length; i += 1) {
    const from = versions[i - 1];
    const to = versions[i];
    let broken = 0;
    let fixed = 0;
    for (const result of results) {
      const before = result.answers.find((answer) => answer.version === from)?.valid;
      const after = result.answers.find((answer) => answer.version === to)?.valid;
      if (before && !after) broken += 1;
      if (!before && after) fixed += 1;
    }
    pairs.push({ from, to, broken, fixed });
  }
  return pairs;
}

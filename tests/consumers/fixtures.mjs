// The fixtures and committed schemas, as the consumer tests read them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export const ROOT = new URL('../../', import.meta.url);
const FIXTURES = new URL('tests/fixtures/', ROOT);
export const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
export const schemaFile = (path) => readJson(new URL(`schemas/${path}`, ROOT));
/** The connector types with a schema, as file names (`index`, `gen-ai`, …). */
export const CREATABLE = readdirSync(new URL('schemas/2020-12/request/', ROOT)).map((f) => f.replace(/\.json$/, ''));

/** Every fixture of Kibana main: `{ name, folder, kind, mode, data, body }`; `body` is the body as
 *  JSON (`undefined` for text that is not JSON). */
export function fixtures() {
  const out = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    for (const kind of ['valid', 'invalid']) {
      const dir = new URL(`${folder}/${kind}/`, FIXTURES);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
        const data = readJson(new URL(file, dir));
        if ((data.options?.kibanaVersion ?? 'main') !== 'main') continue;
        let body = data.body;
        if (!('body' in data)) {
          try {
            body = JSON.parse(data.bodyText);
          } catch {
            body = undefined;
          }
        }
        out.push({ name: `${folder}/${kind}/${file}`, folder, kind, mode: data.options?.mode ?? 'create', data, body });
      }
    }
  }
  return out;
}

/** Kibana's coercion of JSON text: a body, `config` or `secrets` sent as a string of JSON. */
export function coerce(body) {
  const parse = (value) => {
    if (typeof value !== 'string') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  };
  let out = parse(body) ?? body;
  if (out && typeof out === 'object' && !Array.isArray(out)) {
    out = { ...out };
    for (const key of ['config', 'secrets']) {
      const inner = parse(out[key]);
      if (inner !== undefined) out[key] = inner;
    }
  }
  return out;
}

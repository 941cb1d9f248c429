// Hostile calls of every kind, then a valid body: run by hostile.test.mjs in Node (under a small
// wasm table cap) and in headless Chromium. `runHostileCalls(pkg, count)` resolves to a summary
// and throws at the first call that throws or gives a wrong answer.

const VALID = { name: 'n', connector_type_id: '.index', config: { index: 'i' } };

function deep(levels) {
  let value = {};
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
}

/** Each kind: [name, function making one call, what the call must give]. */
export function hostileKinds() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic = { name: 'n' };
  cyclic.self = cyclic;
  const tooDeep = deep(3000); // past JSON.stringify's stack under --stack-size=120 (a RangeError)
  const throwingProxy = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  const report = (code) => (r) => r.valid === false && r.errors[0]?.code === code;
  const normalized = (code) => (r) => r.ok === false && r.errors[0]?.code === code;
  return [
    ['options getter throws', (p) => p.validate(VALID, { get mode() { throw new Error('no'); } }), report('invalid_options')],
    ['options value is a throwing Proxy', (p) => p.validate(VALID, { mode: throwingProxy }), report('invalid_options')],
    ['options are a throwing Proxy', (p) => p.normalize(VALID, throwingProxy), normalized('invalid_options')],
    ['options are a revoked Proxy', (p) => p.validate(VALID, revoked.proxy), report('invalid_options')],
    ['options hold an unknown key', (p) => p.validate(VALID, { mdoe: 'update' }), report('invalid_options')],
    ['options are a number', (p) => p.validate(VALID, 5), report('invalid_options')],
    ['jsonSchema options getter throws', (p) => {
      try { p.jsonSchema('.index', { get dialect() { throw new Error('no'); } }); return 'no error'; }
      catch (error) { return error instanceof TypeError ? 'TypeError' : String(error); }
    }, (r) => r === 'TypeError'],
    ['jsonSchema options are a revoked Proxy', (p) => {
      try { p.jsonSchema(null, revoked.proxy); return 'no error'; }
      catch (error) { return error instanceof TypeError ? 'TypeError' : String(error); }
    }, (r) => r === 'TypeError'],
    ['body with a cycle', (p) => p.validate(cyclic), report('invalid_json')],
    ['body with a BigInt', (p) => p.normalize({ ...VALID, config: { index: 1n } }), normalized('invalid_json')],
    ['body whose toJSON throws', (p) => p.validate({ toJSON() { throw new Error('secret'); } }), report('invalid_json')],
    ['body whose getter throws', (p) => p.validate({ get name() { throw new Error('secret'); } }), report('invalid_json')],
    ['body is a revoked Proxy', (p) => p.validate(revoked.proxy), report('invalid_json')],
    ['body nested 3,000 levels', (p) => p.validate(tooDeep), report('input_too_large')],
    ['body is undefined', (p) => p.validate(undefined), report('invalid_json')],
  ];
}

export async function runHostileCalls(pkg, count) {
  const summary = [];
  for (const [name, call, expected] of hostileKinds()) {
    for (let i = 0; i < count; i += 1) {
      const result = call(pkg);
      if (!expected(result)) throw new Error(`${name}, call ${i + 1}: ${JSON.stringify(result)}`);
    }
    summary.push(name);
  }
  const report = pkg.validate(VALID);
  if (!report.valid) throw new Error(`a valid body after the hostile calls: ${JSON.stringify(report)}`);
  const out = pkg.normalize(VALID);
  if (!out.ok || out.body.config.refresh !== false) throw new Error(`normalize after the hostile calls: ${JSON.stringify(out)}`);
  if (pkg.jsonSchema('.index').properties.connector_type_id.const !== '.index') throw new Error('jsonSchema after the hostile calls');
  return summary;
}

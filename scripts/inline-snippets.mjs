// Inlines wasm-bindgen's snippets (the JavaScript files a `#[wasm_bindgen(module = "/…")]` import
// names, copied under pkg/snippets/) into the bindings file that imports them, then removes
// pkg/snippets. Each snippet must be a plain module of `export function`s with no imports; its
// functions become private functions of the bindings file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [bindingsPath] = process.argv.slice(2);
const dir = dirname(bindingsPath);
let bindings = readFileSync(bindingsPath, 'utf8');
const imports = [...bindings.matchAll(/^import \{ ([^}]*) \} from '(\.\/snippets\/[^']+)';\n/gm)];
for (const [line, names, path] of imports) {
  const source = readFileSync(join(dir, path), 'utf8');
  if (/^\s*import\b/m.test(source)) throw new Error(`${path}: a snippet to inline may not import`);
  const exported = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  for (const name of names.split(',').map((n) => n.trim())) {
    if (!exported.includes(name)) throw new Error(`${path} does not export function ${name}`);
  }
  bindings = bindings.replace(line, `// Inlined from ${path.replace(/^\.\/snippets\/[^/]+\//, '')}.\n${source.replace(/^export function /gm, 'function ')}\n`);
}
if (/\.\/snippets\//.test(bindings)) throw new Error('a snippet import was left in the bindings');
writeFileSync(bindingsPath, bindings);
rmSync(join(dir, 'snippets'), { recursive: true, force: true });

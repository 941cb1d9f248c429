// Completes the npm package in pkg/ after wasm-bindgen: package.json (from Cargo.toml, so the
// package and the crate share one version), the declarations generated from the models, the Node
// entry (node.js, node.d.ts), the `kibana-connectors` command (cli/, its `bin`) and the README.
//
// Browsers and bundlers (Vite, webpack 5) import kibana_connectors.js and call `init()`, which
// fetches the wasm file next to it. Node takes the `node` export condition: node.js instantiates
// the module synchronously from the file, so that a plain `import` is ready to use.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const pkg = new URL('pkg/', root);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
const list = (name) => JSON.parse(cargo.match(new RegExp(`^${name} = (\\[[^\\]]*\\])`, 'm'))?.[1] ?? '[]');
const repository = field('repository');

// The `kibana-connectors` command (cli/): copied as it is; its one dependency, `yaml`, at the
// version the workspace pins and tests (package.json `dependencies`).
const cliFiles = readdirSync(new URL('cli/', root)).filter((name) => name.endsWith('.mjs')).sort();
const workspace = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

const manifest = {
  name: 'kibana-connectors',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  keywords: [...list('keywords'), 'typescript', 'webassembly'],
  type: 'module',
  // `node` first: TypeScript (node16/nodenext) and Node pick it; bundlers for browsers skip it.
  exports: {
    '.': {
      node: { types: './node.d.ts', default: './node.js' },
      types: './kibana_connectors.d.ts',
      default: './kibana_connectors.js',
    },
    './kibana_connectors_bg.wasm': './kibana_connectors_bg.wasm',
    './kibana_connectors_schemas_bg.wasm': './kibana_connectors_schemas_bg.wasm',
    // The committed JSON Schemas and OpenAPI documents (`kibana-connectors/schemas/…`).
    './schemas/*': './schemas/*',
    './package.json': './package.json',
  },
  main: './kibana_connectors.js',
  types: './kibana_connectors.d.ts',
  files: [
    'kibana_connectors.js',
    'kibana_connectors_bindings.js',
    'kibana_connectors.d.ts',
    'kibana_connectors_types.d.ts',
    'kibana_connectors_bg.wasm',
    'kibana_connectors_bg.wasm.d.ts',
    'kibana_connectors_schemas_bindings.js',
    'kibana_connectors_schemas_bg.wasm',
    'node.js',
    'node.d.ts',
    ...cliFiles.map((name) => `cli/${name}`),
    'schemas/',
  ],
  bin: { 'kibana-connectors': 'cli/bin.mjs' },
  dependencies: { yaml: workspace.dependencies.yaml },
  // Only the Node entry does something on import (it instantiates the module).
  sideEffects: ['./node.js'],
  engines: { node: '>=20' },
};
writeFileSync(new URL('package.json', pkg), `${JSON.stringify(manifest, null, 2)}\n`);

writeFileSync(
  new URL('node.js', pkg),
  `// The Node entry of kibana-connectors (export condition \`node\`): the validating module is
// instantiated synchronously from the file next to this one, so it is ready on import, and the
// schema module on the first \`jsonSchema\` call. \`init()\` and \`initJsonSchema()\` still exist
// (they resolve at once), so code shared with browsers may call them.
import { readFileSync } from 'node:fs';
import { initSync, initJsonSchemaFrom, jsonSchema as schemaOf } from './kibana_connectors.js';
import * as schemaBindings from './kibana_connectors_schemas_bindings.js';

initSync({ module: readFileSync(new URL('./kibana_connectors_bg.wasm', import.meta.url)) });

let schemasLoaded = false;
function loadSchemas() {
  if (schemasLoaded) return;
  initJsonSchemaFrom(schemaBindings, {
    module: readFileSync(new URL('./kibana_connectors_schemas_bg.wasm', import.meta.url)),
  });
  schemasLoaded = true;
}

export * from './kibana_connectors.js';
export { default } from './kibana_connectors.js';

export async function initJsonSchema() {
  loadSchemas();
}

export function jsonSchema(connectorTypeId, options) {
  loadSchemas();
  return schemaOf(connectorTypeId, options);
}
`,
);

// The declarations generated from the models, which both entries re-export: the Node entry
// without the browser loader's types, which name DOM types (Response, RequestInfo) that a Node
// project may lack.
copyFileSync(new URL('schemas/kibana-connectors.d.ts', root), new URL('kibana_connectors_types.d.ts', pkg));
writeFileSync(
  new URL('node.d.ts', pkg),
  `export * from './kibana_connectors_types.js';

/**
 * Nothing to do in Node: the module is ready on import. Resolves at once; kept so that code
 * shared with browsers, which must call it first, runs unchanged.
 */
export default function init(): Promise<unknown>;

/**
 * Nothing to do in Node either: \`jsonSchema\` loads its module on its first call. Resolves at
 * once; kept for code shared with browsers.
 */
export function initJsonSchema(): Promise<void>;
`,
);

copyFileSync(new URL('README.md', root), new URL('README.md', pkg));

mkdirSync(new URL('cli/', pkg), { recursive: true });
for (const name of cliFiles) copyFileSync(new URL(`cli/${name}`, root), new URL(`cli/${name}`, pkg));

// The committed JSON files of schemas/ (which every schema's `$id` names), without their
// indentation: 5.2 MB instead of 9.2 MB unpacked. The declarations there are the package's own
// kibana_connectors_types.d.ts already.
for (const entry of readdirSync(new URL('schemas/', root), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  const to = fileURLToPath(new URL(`schemas/${relative(fileURLToPath(new URL('schemas/', root)), from)}`, pkg));
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, `${JSON.stringify(JSON.parse(readFileSync(from, 'utf8')))}\n`);
}

// Writes pkg/package.json from Cargo.toml, so the npm package and the crate share one version.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];

const manifest = {
  name: 'kibana-connectors',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: field('repository') },
  type: 'module',
  main: './kibana_connectors.js',
  types: './kibana_connectors.d.ts',
  files: ['kibana_connectors.js', 'kibana_connectors.d.ts', 'kibana_connectors_bg.wasm', 'kibana_connectors_bg.wasm.d.ts'],
  sideEffects: false,
};
writeFileSync(new URL('../pkg/package.json', import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`);

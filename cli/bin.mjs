#!/usr/bin/env node
// The `kibana-connectors` command of the npm package (package.json `bin`).
import { readFileSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`kibana-connectors: Node 20 or later is needed (this is Node ${process.versions.node})\n`);
  process.exit(2);
}

const core = await import('../node.js');
const { run } = await import('./main.mjs');
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Output that a closed pipe (`| head`) cuts short is not an error of the check.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  core,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  homepage: manifest.homepage,
});

#!/usr/bin/env node
// CLI: `node demo/server.mjs [--port N] [--api-port N] [--quiet]` starts the incident demo
// and prints both variant URLs; SIGINT / SIGTERM stop it cleanly.
import { parseArgs } from 'node:util';
import { startDemo } from './index.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'api-port': { type: 'string', default: '0' },
    quiet: { type: 'boolean', default: false },
  },
});

const demo = await startDemo({
  appPort: Number(values.port),
  apiPort: Number(values['api-port']),
  log: !values.quiet,
});
console.log(`Handshake demo
  app origin: ${demo.appOrigin}
  api origin: ${demo.apiOrigin}
  buggy:      ${demo.url('buggy')}
  fixed:      ${demo.url('fixed')}
Ctrl+C to stop.`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

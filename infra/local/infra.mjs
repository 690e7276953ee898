#!/usr/bin/env node
// CLI for the local infrastructure (Kafka + Mongo wire server); see README.md.
//   node infra/local/infra.mjs up|down|status|reset
import { InfraError, down, reset, status, up } from './infra-lib.mjs';

const log = (msg) => console.log(`[infra] ${msg}`);

function printStatus(s) {
  for (const [name, c] of Object.entries(s)) {
    if (c.running) console.log(`${name.padEnd(6)} running  (pid ${c.pid}, port ${c.port})`);
    else if (c.pid)
      console.log(`${name.padEnd(6)} starting/unresponsive  (pid ${c.pid}, port ${c.port})`);
    else console.log(`${name.padEnd(6)} stopped  (port ${c.port})`);
  }
  return s.kafka.running && s.mongo.running;
}

const commands = {
  async up() {
    const started = Date.now();
    const s = await up({ log });
    log(
      `up in ${((Date.now() - started) / 1000).toFixed(1)}s: kafka 127.0.0.1:${s.kafka.port}, mongo mongodb://127.0.0.1:${s.mongo.port}`,
    );
    return 0;
  },
  async down() {
    await down({ log });
    return 0;
  },
  async status() {
    return printStatus(await status()) ? 0 : 1;
  },
  async reset() {
    await reset({ log });
    return 0;
  },
};

const command = commands[process.argv[2]];
if (!command) {
  console.error('usage: node infra/local/infra.mjs up|down|status|reset');
  process.exit(1);
}
try {
  process.exitCode = await command();
} catch (err) {
  // Expected failures are one sentence; anything else still gets no stack trace.
  console.error(
    err instanceof InfraError ? err.message : `infra: unexpected error: ${err.message}`,
  );
  process.exitCode = 1;
}

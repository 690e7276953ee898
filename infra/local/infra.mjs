#!/usr/bin/env node
// CLI for the local infrastructure (Kafka + Mongo wire server); see README.md.
//   node infra/local/infra.mjs up [kafka|mongo] | down | status | reset | kill-node <id> | start-node <id>
import {
  InfraError,
  down,
  kafkaBrokers,
  killNode,
  reset,
  startNode,
  status,
  up,
} from './infra-lib.mjs';

const log = (msg) => console.log(`[infra] ${msg}`);

function printStatus(s) {
  for (const [name, c] of Object.entries(s)) {
    if (c.running) console.log(`${name.padEnd(7)} running  (pid ${c.pid}, port ${c.port})`);
    else if (c.pid)
      console.log(`${name.padEnd(7)} starting/unresponsive  (pid ${c.pid}, port ${c.port})`);
    else console.log(`${name.padEnd(7)} stopped  (port ${c.port})`);
  }
  return Object.values(s).every((c) => c.running);
}

/** The node id argument of kill-node and start-node. */
function nodeId() {
  const id = Number(process.argv[3]);
  if (!Number.isInteger(id)) throw new InfraError('Name the Kafka node by its id: 1, 2 or 3.');
  return id;
}

const commands = {
  async up() {
    const only = process.argv[3];
    if (only !== undefined && only !== 'kafka' && only !== 'mongo')
      throw new InfraError(`'up' starts everything, or only 'kafka' or 'mongo' (got '${only}').`);
    const started = Date.now();
    const s = await up({ log, only });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const kafka = `kafka ${kafkaBrokers()}`;
    const mongo = `mongo mongodb://127.0.0.1:${s.mongo.port}`;
    log(
      `up in ${seconds}s: ${only === 'kafka' ? kafka : only === 'mongo' ? mongo : `${kafka}, ${mongo}`}`,
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
  async 'kill-node'() {
    await killNode(nodeId(), { log });
    return 0;
  },
  async 'start-node'() {
    await startNode(nodeId(), { log });
    return 0;
  },
};

const command = commands[process.argv[2]];
if (!command) {
  console.error(
    'usage: node infra/local/infra.mjs up [kafka|mongo] | down | status | reset | kill-node <id> | start-node <id>',
  );
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

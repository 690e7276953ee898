import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { portFree } from './app-process';

const ROOT = resolve(__dirname, '..', '..', '..');
const INFRA_CLI = join(ROOT, 'infra', 'local', 'infra.mjs');
const NODES = 3;

/** A three-node Kafka cluster of a test's own (infra/local with KAFKA_NODES=3), beside the shared broker. */
export interface KafkaCluster {
  /** host:port of every node, node 1 first (node id i is brokers[i - 1]). */
  brokers: string[];
  /** The environment an app needs to use the cluster: its brokers, topics with 3 replicas. */
  appEnv: Record<string, string>;
  /** SIGKILLs node `id` (1 to 3), as a crash would. */
  killNode(id: number): Promise<void>;
  /** Starts node `id` again and resolves once it has rejoined the cluster. */
  startNode(id: number): Promise<void>;
  /** Stops every node; the data stays until the next start with the same name resets it. */
  stop(): Promise<void>;
}

/**
 * Starts a fresh cluster in tmp/<name>-infra (its jars are kept there between runs, its data is
 * reset) on nine free ports: node i (1-based) on base + 2(i - 1), its controller one above, and
 * its provincial listener on base + 6 + 2(i - 1).
 * The infra CLI runs it, as the test runner cannot load infra-lib's ES module.
 */
export async function startKafkaCluster(name: string): Promise<KafkaCluster> {
  const base = await freePortRun(4 * NODES);
  const env = {
    ...process.env,
    INFRA_STATE_DIR: join(ROOT, 'tmp', `${name}-infra`),
    KAFKA_NODES: String(NODES),
    KAFKA_PORT: String(base),
    KAFKA_CONTROLLER_PORT: String(base + 1),
    // Set, not inherited: CI gives its shared broker's provincial listener a port of its own.
    KAFKA_PROVINCIAL_PORT: String(base + 2 * NODES),
  };
  const infra = (...args: string[]) => runInfra(args, env);
  await infra('reset');
  await infra('up', 'kafka');
  const brokers = Array.from({ length: NODES }, (_, i) => `127.0.0.1:${base + 2 * i}`);
  return {
    brokers,
    appEnv: { KAFKA_BROKERS: brokers.join(','), KAFKA_REPLICATION_FACTOR: String(NODES) },
    killNode: (id) => infra('kill-node', String(id)),
    startNode: (id) => infra('start-node', String(id)),
    stop: () => infra('down'),
  };
}

function runInfra(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    execFile(process.execPath, [INFRA_CLI, ...args], { env }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`infra ${args.join(' ')} failed: ${stderr || stdout || error.message}`))
        : resolveRun(),
    );
  });
}

/** The first of `count` consecutive free ports, from a random start below the ephemeral range. */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + 2 * Math.floor(Math.random() * 5_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

// KAFKA_NODES: the nodes' ports, directories and replication, and the settings refused.
// (Starting, killing and restarting a node: services/credit/test/broker-failover.e2e-spec.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InfraError, config, kafkaBrokers, kafkaReplication } from '../infra-lib.mjs';

const env = { INFRA_STATE_DIR: '/tmp/infra-nodes-test' };

test('one node by default, with the single broker names and ports', () => {
  const cfg = config(env);
  assert.deepEqual(
    cfg.kafkaNodes.map((n) => [n.id, n.name, n.port, n.controllerPort]),
    [[1, 'kafka', 9092, 9093]],
  );
  assert.equal(cfg.kafka, cfg.kafkaNodes[0]);
  assert.deepEqual(kafkaReplication(1), { replicationFactor: 1, minInsyncReplicas: 1 });
});

test('three nodes two ports apart, each with its own directory and pid file', () => {
  const cfg = config({
    ...env,
    KAFKA_NODES: '3',
    KAFKA_PORT: '29092',
    KAFKA_CONTROLLER_PORT: '29093',
  });
  assert.deepEqual(
    cfg.kafkaNodes.map((n) => [n.id, n.name, n.port, n.controllerPort]),
    [
      [1, 'kafka', 29092, 29093],
      [2, 'kafka-2', 29094, 29095],
      [3, 'kafka-3', 29096, 29097],
    ],
  );
  assert.equal(new Set(cfg.kafkaNodes.map((n) => n.pidFile)).size, 3);
  assert.equal(
    kafkaBrokers({ ...env, KAFKA_NODES: '3' }),
    '127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096',
  );
  assert.deepEqual(kafkaReplication(3), { replicationFactor: 3, minInsyncReplicas: 2 });
});

test('refuses a node count without a majority quorum, and ports that collide', () => {
  assert.throws(() => config({ ...env, KAFKA_NODES: '2' }), InfraError);
  assert.throws(
    () => config({ ...env, KAFKA_NODES: '3', KAFKA_PORT: '9092', KAFKA_CONTROLLER_PORT: '9094' }),
    /must all differ/,
  );
  assert.throws(() => config({ ...env, KAFKA_NODES: '3', KAFKA_PORT: '65534' }), /no room/);
});

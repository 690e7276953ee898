import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { list, readSettings, wholeNumber } from '@jiceng/config';

export const KAFKA_SETTINGS = {
  brokers: list(
    'KAFKA_BROKERS',
    ['127.0.0.1:9092'],
    'bootstrap brokers, host:port, comma-separated',
  ),
  // A service creates the topics it finds missing (topic-admin.ts). On a cluster whose topics
  // are declared elsewhere (deploy/k8s KafkaTopics), a service that starts first must create
  // them as declared: with one replica, writes would fail under min.insync.replicas 2.
  replicationFactor: wholeNumber(
    'KAFKA_REPLICATION_FACTOR',
    1,
    { min: 1 },
    'replicas of each topic a service creates when missing',
  ),
};

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return readSettings({ brokers: KAFKA_SETTINGS.brokers }, env).brokers;
}

export function kafkaReplicationFactorFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return readSettings({ replicationFactor: KAFKA_SETTINGS.replicationFactor }, env)
    .replicationFactor;
}

// kafkajs logs every reconnect at INFO; keep warnings and errors, on stderr, one line each.
function logCreator() {
  return ({ namespace, level, log }: LogEntry) => {
    if (level > logLevel.WARN) return;
    const { message, error } = log as { message: string; error?: string };
    process.stderr.write(`[kafkajs] ${namespace}: ${message}${error ? ` (${error})` : ''}\n`);
  };
}

/** A kafkajs client for one service; the client id names the service in broker logs and quotas. */
export function createKafka(clientId: string, brokers: string[] = kafkaBrokersFromEnv()): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { list, readSettings } from '@jiceng/config';

export const KAFKA_SETTINGS = {
  brokers: list(
    'KAFKA_BROKERS',
    ['127.0.0.1:9092'],
    'bootstrap brokers, host:port, comma-separated',
  ),
};

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return readSettings(KAFKA_SETTINGS, env).brokers;
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

import { Counter, Gauge, type Registry } from 'prom-client';
import {
  consumedTopics,
  readConsumerLag,
  type ConsumedTopics,
  type PartitionLag,
} from './consumer-lag';

/**
 * `jiceng_kafka_consumer_lag{group, topic, partition}` in `registry`, read from the broker at
 * each scrape (never older than the scrape), and the scrapes that could not read it in time.
 */
export function registerConsumerLagMetrics(
  registry: Registry,
  consumed: ConsumedTopics = consumedTopics,
  timeoutMs = 2000,
): void {
  const scrapeErrors = new Counter({
    name: 'jiceng_kafka_consumer_lag_scrape_errors_total',
    help: 'Scrapes that could not read the consumer lag from the broker (error or timeout)',
    registers: [registry],
    // Waits for the scrape's read, so a failure shows in the same scrape's count.
    collect: async () => void (await read()),
  });
  // One read per scrape, shared by both metrics' collect (the registry runs them side by side).
  let inflight: Promise<PartitionLag[]> | undefined;
  const read = () =>
    (inflight ??= readConsumerLag(consumed, timeoutMs)
      .catch(() => {
        scrapeErrors.inc();
        return [];
      })
      .finally(() => (inflight = undefined)));
  new Gauge({
    name: 'jiceng_kafka_consumer_lag',
    help: "Messages of a partition after the consumer group's committed offset (high watermark minus committed)",
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [registry],
    async collect() {
      const lags = await read();
      // Only what the broker says now: a stopped consumer's or a failed read's partitions go.
      this.reset();
      for (const { group, topic, partition, lag } of lags)
        this.set({ group, topic, partition: String(partition) }, lag);
    },
  });
}

import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { registerConsumerLagMetrics } from '@jiceng/kafka';
import { MongoCommandStats } from '@jiceng/mongo';

/**
 * A subgraph's Prometheus metrics, in a registry of its own: the Mongo commands it sent (which
 * show whether reads are batched), the lag of the consumer groups it runs, and the process.
 */
@Injectable()
export class SubgraphMetrics {
  readonly registry = new Registry();

  constructor(mongo: MongoCommandStats) {
    new Counter({
      name: 'jiceng_mongo_commands_total',
      help: 'Commands this service sent to MongoDB, by command name',
      labelNames: ['command'] as const,
      registers: [this.registry],
      // MongoCommandStats keeps the counts (libs/mongo stays free of prom-client); copied here.
      collect() {
        this.reset();
        for (const [command, count] of Object.entries(mongo.snapshot()))
          this.inc({ command }, count);
      },
    });
    registerConsumerLagMetrics(this.registry);
    collectDefaultMetrics({ register: this.registry });
  }
}

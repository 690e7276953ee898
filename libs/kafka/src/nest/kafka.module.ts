import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../kafka-client';
import { EventProducer } from '../event-producer';

export const KAFKA = Symbol('KAFKA');

@Injectable()
export class KafkaHealth implements OnApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly producer: EventProducer,
  ) {}

  /** True when the cluster answers a metadata request. */
  async check(): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

@Module({})
export class KafkaModule {
  /** The service's Kafka client (KAFKA_BROKERS, client id per service) and its event producer. */
  static forService(clientId: string): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        { provide: KAFKA, useFactory: () => createKafka(clientId) },
        {
          provide: EventProducer,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) => new EventProducer(kafka),
        },
        KafkaHealth,
      ],
      exports: [KAFKA, EventProducer, KafkaHealth],
    };
  }
}

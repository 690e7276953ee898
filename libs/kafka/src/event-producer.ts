import { Partitioners, type IHeaders, type Kafka, type Producer } from 'kafkajs';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: IHeaders;
}

/**
 * An idempotent producer with one request in flight, so messages of one key keep their order
 * even when the broker asks for a retry. It retries without limit: while the broker is away,
 * events wait in their outbox (or the consumer waits) instead of being dropped.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = undefined;
    await this.producer.disconnect();
  }
}

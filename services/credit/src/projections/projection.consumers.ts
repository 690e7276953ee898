import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  memberLifecycleV1,
  organizationLifecycleV1,
  projectEventsV1,
  TOPIC_SPECS,
  type CloudEvent,
  type EventContract,
} from '@jiceng/events';
import {
  ensureTopics,
  IdempotentConsumer,
  KAFKA,
  type HandlerOutcome,
  type ProcessResult,
} from '@jiceng/kafka';
import { consumerGroups, creditEnv } from '../credit.env';
import type { GroupTopic } from './catch-up';
import { MemberRefsService } from './member-refs.service';
import { ProjectRefsService } from './project-refs.service';

interface Feed {
  groupId: string;
  topic: string;
  consumers: number;
  consumer: (
    kafka: Kafka,
    onProcessed: (result: ProcessResult) => void,
  ) => IdempotentConsumer<unknown>;
}

function feed<T>(
  groupId: string,
  contract: EventContract<T>,
  handler: (event: CloudEvent<T>) => Promise<HandlerOutcome>,
  consumers = 1,
): Feed {
  return {
    groupId,
    topic: contract.topic,
    consumers,
    consumer: (kafka, onProcessed) =>
      new IdempotentConsumer(kafka, {
        groupId,
        contract,
        handler,
        onProcessed,
      }) as IdempotentConsumer<unknown>,
  };
}

/** Keeps the member and project projections in step with their topics. */
@Injectable()
export class ProjectionConsumers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionConsumers.name);
  private readonly consumers: IdempotentConsumer<unknown>[] = [];
  private readonly feeds: Feed[];

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    members: MemberRefsService,
    projects: ProjectRefsService,
  ) {
    const env = creditEnv();
    const groups = consumerGroups(env.groupPrefix);
    // Members are the large topic (100,000 demo members): several consumers share it.
    this.feeds = [
      feed(groups.members, memberLifecycleV1, (e) => members.apply(e), env.consumersPerGroup),
      feed(groups.projects, projectEventsV1, (e) => projects.apply(e)),
    ];
  }

  /**
   * The groups and topics the ledger waits for before it starts: these feeds and the
   * organization projection (@jiceng/org-projection, consuming as `<prefix>-org-tree`).
   */
  groupTopics(): GroupTopic[] {
    const orgTree = consumerGroups(creditEnv().groupPrefix).orgTree;
    return [
      { groupId: orgTree, topic: organizationLifecycleV1.topic },
      ...this.feeds.map((f) => ({ groupId: f.groupId, topic: f.topic })),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    for (const feed of this.feeds) {
      for (let i = 0; i < feed.consumers; i++) {
        const consumer = feed.consumer(this.kafka, (result) => {
          if (result === 'dead-lettered')
            this.logger.warn(`an event of ${feed.topic} was dead-lettered`);
        });
        await consumer.start();
        this.consumers.push(consumer);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}

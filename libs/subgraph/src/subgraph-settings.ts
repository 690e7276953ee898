import { AUTH_SETTINGS } from '@jiceng/auth';
import { text, wholeNumber, type Settings } from '@jiceng/config';
import { DEFAULT_PORTS, type SubgraphName } from '@jiceng/graphql';
import { KAFKA_SETTINGS, TOPIC_SETTINGS } from '@jiceng/kafka';
import { LOG_SETTINGS } from '@jiceng/logging';
import { MONGO_SETTINGS, mongoDatabaseSetting } from '@jiceng/mongo';
import { OUTBOX_SETTINGS } from '@jiceng/outbox';

/**
 * The settings every subgraph process reads, declared where they are used (libs/mongo,
 * libs/kafka, libs/auth, libs/outbox, libs/logging) and gathered here so that `bootstrapSubgraph` checks all of
 * them, with the service's own (`src/<service>.env.ts`), before anything starts.
 */
export function subgraphSettings(name: SubgraphName) {
  return {
    port: wholeNumber('PORT', DEFAULT_PORTS[name], { min: 1, max: 65_535 }, 'the HTTP port'),
    host: text('HOST', '127.0.0.1', 'the interface to listen on (0.0.0.0 in a container)'),
    mongoUrl: MONGO_SETTINGS.url,
    mongoDb: mongoDatabaseSetting(name),
    mongoReadTimeoutMs: MONGO_SETTINGS.readTimeoutMs,
    mongoMaxPoolSize: MONGO_SETTINGS.maxPoolSize,
    kafkaBrokers: KAFKA_SETTINGS.brokers,
    kafkaReplicationFactor: TOPIC_SETTINGS.replicationFactor,
    kafkaMinInsyncReplicas: TOPIC_SETTINGS.minInsyncReplicas,
    claimsSecret: AUTH_SETTINGS.claimsSecret,
    outboxPollMs: OUTBOX_SETTINGS.pollMs,
    outboxScanMs: OUTBOX_SETTINGS.scanMs,
    outboxClaimMs: OUTBOX_SETTINGS.claimMs,
    logFormat: LOG_SETTINGS.format,
  } satisfies Settings;
}

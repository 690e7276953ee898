import { SettingsError } from '@jiceng/config';
import { topicReplicationFromEnv } from './topic-admin';

describe('topic replication settings', () => {
  it('is one copy on the local broker, all but one in sync on a cluster', () => {
    expect(topicReplicationFromEnv({})).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(topicReplicationFromEnv({ KAFKA_REPLICATION_FACTOR: '3' })).toEqual({
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    expect(
      topicReplicationFromEnv({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '3' }),
    ).toEqual({ replicationFactor: 3, minInsyncReplicas: 3 });
  });

  it('refuses more replicas in sync than there are copies', () => {
    expect(() =>
      topicReplicationFromEnv({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '4' }),
    ).toThrow(
      new SettingsError([
        'KAFKA_MIN_INSYNC_REPLICAS must be at most KAFKA_REPLICATION_FACTOR (3), got "4"',
      ]),
    );
    expect(() => topicReplicationFromEnv({ KAFKA_REPLICATION_FACTOR: '0' })).toThrow(
      'KAFKA_REPLICATION_FACTOR must be a whole number from 1 to 7, got "0"',
    );
  });
});

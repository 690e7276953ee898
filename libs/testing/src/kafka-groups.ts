import type { Kafka } from 'kafkajs';
import { TOPIC_SPECS } from '@jiceng/events';
import { ensureTopics } from '@jiceng/kafka';
import { waitFor } from './wait-for';

export interface GroupTopic {
  groupId: string;
  topic: string;
}

/** Offsets by topic and partition, as `admin.fetchTopicOffsets` reads them. */
export type TopicOffsets = Record<string, Record<string, string>>;

/**
 * Starts consumer groups at their topics' current ends, so that services started with them do
 * not replay earlier runs' events from the shared broker; returns the offsets they start at.
 */
export async function startGroupsAtTopicEnds(
  kafka: Kafka,
  groups: readonly GroupTopic[],
): Promise<TopicOffsets> {
  // On a fresh broker this may run before any service has created the topics.
  await ensureTopics(kafka, TOPIC_SPECS);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const start: TopicOffsets = {};
    // Each setOffsets joins the group (seconds on the broker): all at once.
    await Promise.all(
      groups.map(async ({ groupId, topic }) => {
        const offsets = await admin.fetchTopicOffsets(topic);
        start[topic] = Object.fromEntries(offsets.map((o) => [String(o.partition), o.high]));
        await admin.setOffsets({
          groupId,
          topic,
          partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
        });
      }),
    );
    return start;
  } finally {
    await admin.disconnect();
  }
}

/** Deletes consumer groups; a consumer that left late keeps its group busy a little while. */
export async function deleteGroupsWhenIdle(kafka: Kafka, groupIds: readonly string[]) {
  const admin = kafka.admin();
  await admin.connect();
  let left = [...groupIds];
  try {
    await waitFor(
      async () => {
        left = await admin.deleteGroups(left).then(
          () => [],
          (error: { groups?: { groupId: string; error?: { type?: string } }[] }) =>
            (error.groups ?? [])
              .filter((g) => g.error?.type !== 'GROUP_ID_NOT_FOUND')
              .map((g) => g.groupId),
        );
        return left.length ? undefined : true;
      },
      30_000,
      1000,
    ).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

import { readFileSync } from 'node:fs';
import type { Kafka } from 'kafkajs';
import {
  checkInReviewedV1,
  householdContactsV1,
  memberLifecycleV1,
  organizationalLifeV1,
  organizationLifecycleV1,
  pairingEventsV1,
  projectEventsV1,
  starRatingV1,
  stationVisitRecordedV1,
} from '@jiceng/events';
import { consumerGroups } from '../credit.env';
import type { GroupTopic } from '../projections/catch-up';

/** Where each group starts: topic → partition → offset. */
export type StartOffsets = Record<string, Record<string, string>>;

export interface ReplayOptions {
  keep: boolean;
  startOffsets: StartOffsets | null;
  liveWaitMs: number;
}

export function parseArgs(argv: readonly string[]): ReplayOptions {
  const options: ReplayOptions = { keep: false, startOffsets: null, liveWaitMs: 120_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--start-offsets')
      options.startOffsets = JSON.parse(readFileSync(argv[++i], 'utf8')) as StartOffsets;
    else if (arg === '--live-wait-ms') options.liveWaitMs = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** Every group of the credit service under a prefix, with the topic it reads. */
export function creditGroupTopics(prefix: string): GroupTopic[] {
  const groups = consumerGroups(prefix);
  return [
    { groupId: groups.orgTree, topic: organizationLifecycleV1.topic },
    { groupId: groups.members, topic: memberLifecycleV1.topic },
    { groupId: groups.projects, topic: projectEventsV1.topic },
    { groupId: groups.ledger, topic: checkInReviewedV1.topic },
    { groupId: groups.stationVisits, topic: stationVisitRecordedV1.topic },
    { groupId: groups.organizationalLife, topic: organizationalLifeV1.topic },
    { groupId: groups.starRatings, topic: starRatingV1.topic },
    { groupId: groups.jointBuilding, topic: pairingEventsV1.topic },
    { groupId: groups.householdContacts, topic: householdContactsV1.topic },
  ];
}

/** Commits start offsets for groups that have not run yet (by default they start at 0). */
export async function setStartOffsets(
  kafka: Kafka,
  groups: readonly GroupTopic[],
  start: StartOffsets,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const { groupId, topic } of groups) {
      const partitions = Object.entries(start[topic] ?? {}).map(([partition, offset]) => ({
        partition: Number(partition),
        offset,
      }));
      if (partitions.length) await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Best effort, bounded: the broker refuses to delete a group whose members it still counts
 * (until their session times out) and kafkajs retries that for minutes; leftover empty groups
 * are harmless and expire with the broker's offset retention.
 */
export async function deleteGroups(
  kafka: Kafka,
  groupIds: string[],
  timeoutMs = 10_000,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      admin.deleteGroups(groupIds).catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

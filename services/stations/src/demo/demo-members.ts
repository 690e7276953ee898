// The party members of the 桃城区 mobile branches, for the demo's member links and flag vehicles.
// The stations service keeps no member data; the loader reads the members lifecycle topic (ids and
// statuses only) once, from its beginning to its end as it is when the loader starts.
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { memberLifecycleV1, parseEvent, type MemberStateV1 } from '@jiceng/events';
import { createKafka } from '@jiceng/kafka';

const MEMBERS_IN_GOOD_STANDING = ['FULL', 'PROBATIONARY'];

/** Members (full or probationary) whose membership each branch holds, ordered by id. */
export async function branchMembers(
  branchIds: string[],
  timeoutMs: number,
  topic = memberLifecycleV1.topic,
): Promise<Map<string, Types.ObjectId[]>> {
  const kafka = createKafka('jiceng-stations-demo');
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin
    .fetchTopicOffsets(topic)
    .catch(() => [] as { partition: number; high: string; low: string }[])
    .finally(() => admin.disconnect());
  const ends = new Map(
    offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]),
  );
  const latest = new Map<string, MemberStateV1>();
  if (ends.size) {
    const consumer = kafka.consumer({ groupId: `jiceng-stations-demo-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const reached = new Set<number>();
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const member = parseMember(message.value);
          const known = member && latest.get(member.memberId);
          if (member && (!known || known.version < member.version))
            latest.set(member.memberId, member);
          if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) reached.add(partition);
          if (reached.size === ends.size) resolve();
        },
      });
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([done, timeout]);
    await consumer.disconnect();
    if (reached.size < ends.size)
      console.error(
        `read only part of ${topic} within ${timeoutMs / 1000} s; links use the members read`,
      );
  }
  const wanted = new Set(branchIds);
  const members = new Map(branchIds.map((id) => [id, [] as Types.ObjectId[]]));
  for (const m of [...latest.values()].sort((a, b) => a.memberId.localeCompare(b.memberId)))
    if (wanted.has(m.organizationId) && MEMBERS_IN_GOOD_STANDING.includes(m.status))
      members.get(m.organizationId)?.push(new Types.ObjectId(m.memberId));
  return members;
}

function parseMember(value: Buffer | null): MemberStateV1 | undefined {
  try {
    return parseEvent(memberLifecycleV1, value).data.member;
  } catch {
    return undefined; // not ours to judge here: the members' own consumers dead-letter it
  }
}

import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Types } from 'mongoose';
import {
  checkInReviewedV1,
  createEvent,
  memberLifecycleV1,
  organizationLifecycleV1,
  projectEventsV1,
  stationVisitRecordedV1,
  type CheckInReviewedV1,
  type CloudEvent,
  type MemberStateV1,
  type OrganizationLifecycleV1,
  type StationVisitRecordedV1,
} from '@jiceng/events';
import type { EventProducer } from '@jiceng/kafka';
import { shanghaiMonth } from '@jiceng/calendar';
import { startGroupsAtTopicEnds } from '@jiceng/testing';
import { monthTotalId } from '../src/account/account';
import { cappedTotal } from '../src/ledger/caps';
import { topicEnds, type TopicEnds } from '../src/projections/catch-up';
import { creditGroupTopics, type StartOffsets } from '../src/replay/replay-lib';
import { CREDIT_RULES_V1 } from '../src/rules/credit-rules';
import { earningsFor, type Attribution } from '../src/rules/scoring';

// Events are published straight to the topics, as the other services would: the credit service
// is tested on its own, through its contracts.

export const newId = () => new Types.ObjectId().toHexString();
export const runId = () => randomBytes(4).toString('hex');

/**
 * Starts the test's consumer groups at the topics' current ends (other runs' events stay behind
 * them) and returns those offsets, so a replay can start where the service started.
 */
export const startGroupsAtEnd = (kafka: Kafka, prefix: string): Promise<StartOffsets> =>
  startGroupsAtTopicEnds(kafka, creditGroupTopics(prefix));

/**
 * Where every topic the groups under `prefix` read ends now: `signature` tells whether any moved
 * between two marks (on a shared broker, other runs publish too).
 */
export async function creditTopicMark(
  kafka: Kafka,
  prefix: string,
): Promise<{ ends: TopicEnds; signature: string }> {
  const ends = await topicEnds(kafka, [...new Set(creditGroupTopics(prefix).map((g) => g.topic))]);
  const signature = [...ends]
    .flatMap(([topic, partitions]) => partitions.map((p) => `${topic}/${p.partition}@${p.end}`))
    .join(' ');
  return { ends, signature };
}

export async function publish(producer: EventProducer, events: CloudEvent<unknown>[]) {
  const byTopic = new Map<string, { key: string; value: string }[]>();
  for (const event of events) {
    const topic = topicOf(event);
    byTopic.set(topic, [
      ...(byTopic.get(topic) ?? []),
      { key: event.subject, value: JSON.stringify(event) },
    ]);
  }
  for (const [topic, messages] of byTopic) await producer.send(topic, messages);
}

function topicOf(event: CloudEvent<unknown>): string {
  if (event.type.startsWith('jiceng.organizations.organization.'))
    return organizationLifecycleV1.topic;
  if (event.type.startsWith('jiceng.organizations.project.')) return projectEventsV1.topic;
  if (event.type.startsWith('jiceng.members.')) return memberLifecycleV1.topic;
  if (event.type.startsWith('jiceng.stations.visit.')) return stationVisitRecordedV1.topic;
  return checkInReviewedV1.topic;
}

export function orgEvent(
  id: string,
  name: string,
  parent: { id: string; ancestorIds: string[] } | null,
  kind = 'BRANCH',
  sector = 'COMMUNITY',
) {
  const data: OrganizationLifecycleV1 = {
    organizationId: id,
    version: 1,
    name,
    kind,
    sector,
    regionCode: '130903',
    status: 'ACTIVE',
    parentId: parent?.id ?? null,
    ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
    changedFields: ['*'],
  };
  return createEvent(organizationLifecycleV1, {
    type: 'jiceng.organizations.organization.created',
    subject: id,
    data,
  });
}

export function memberEvent(
  state: Partial<MemberStateV1> & Pick<MemberStateV1, 'memberId' | 'organizationId'>,
  effectiveAt = '2023-01-01T00:00:00+08:00',
) {
  return createEvent(memberLifecycleV1, {
    type:
      state.version && state.version > 1
        ? 'jiceng.members.member.updated'
        : 'jiceng.members.member.registered',
    subject: state.memberId,
    data: {
      member: {
        version: 1,
        status: 'FULL',
        inService: Boolean(state.unitOrganizationId),
        unitOrganizationId: null,
        projectBranchId: null,
        communityId: null,
        ...state,
      },
      effectiveAt: new Date(effectiveAt).toISOString(),
      changedFields: ['*'],
    },
  });
}

export function projectEvent(
  projectId: string,
  jointCommitteeId: string,
  firms: { firmId: string; creditCode: string; branchIds: string[] }[],
) {
  return createEvent(projectEventsV1, {
    type: 'jiceng.organizations.project.branch-linked',
    subject: projectId,
    data: {
      projectId,
      version: 1,
      name: '雄安高铁站测试项目',
      regionCode: '130632',
      status: 'UNDER_CONSTRUCTION',
      jointCommitteeId,
      firms,
      changedFields: ['branchLinks'],
    },
  });
}

export interface ClaimSpec {
  claimId?: string;
  memberId?: string | null;
  organizationId?: string | null;
  communityId: string;
  taskPoints: number;
  reviewedAt: string;
  durationMinutes?: number;
}

export function checkIn(
  spec: ClaimSpec,
  type = 'jiceng.volunteering.checkin.approved',
): CloudEvent<CheckInReviewedV1> {
  const claimId = spec.claimId ?? newId();
  const reviewedAt = new Date(spec.reviewedAt);
  const duration = spec.durationMinutes ?? 120;
  return createEvent<CheckInReviewedV1>(checkInReviewedV1, {
    type,
    subject: claimId,
    data: {
      claimId,
      taskId: newId(),
      communityId: spec.communityId,
      claimantKind: spec.organizationId ? 'ORGANIZATION' : 'MEMBER',
      memberId: spec.organizationId ? null : (spec.memberId ?? null),
      organizationId: spec.organizationId ?? null,
      taskCategory: '文明创建',
      taskPoints: spec.taskPoints,
      durationMinutes: duration,
      checkedInAt: new Date(reviewedAt.getTime() - (duration + 60) * 60_000).toISOString(),
      checkedOutAt: new Date(reviewedAt.getTime() - 60 * 60_000).toISOString(),
      reviewedAt: reviewedAt.toISOString(),
    },
  });
}

export function revocation(
  approval: CloudEvent<CheckInReviewedV1>,
  reviewedAt: string,
): CloudEvent<CheckInReviewedV1> {
  return createEvent<CheckInReviewedV1>(checkInReviewedV1, {
    type: 'jiceng.volunteering.checkin.approval-revoked',
    subject: approval.subject,
    data: { ...approval.data, reviewedAt: new Date(reviewedAt).toISOString() },
  });
}

export interface VisitSpec {
  stationId: string;
  /** The organization running the station at the time of the visit. */
  operatorId: string;
  visitedAt: string;
}

/** A visit as the stations service publishes it: keyed by station, no personal data. */
export function stationVisitEvent(spec: VisitSpec): CloudEvent<StationVisitRecordedV1> {
  return createEvent(stationVisitRecordedV1, {
    type: 'jiceng.stations.visit.recorded',
    subject: spec.stationId,
    data: {
      visitId: newId(),
      stationId: spec.stationId,
      operatorId: spec.operatorId,
      workerKind: 'DELIVERY_RIDER',
      platform: 'MEITUAN',
      services: ['DRINKING_WATER', 'REST'],
      channel: 'STATION_TERMINAL',
      visitedAt: new Date(spec.visitedAt).toISOString(),
    },
  });
}

/**
 * What the rules grant for approvals that stand: per account and month the points requested, and
 * granted, min(cap, requested); `attributionOf` places a member (null for an organization claim).
 */
export function expectedMonthTotals(
  approvals: readonly CloudEvent<CheckInReviewedV1>[],
  attributionOf: (memberId: string) => Attribution | null,
): { requested: Map<string, number>; granted: Map<string, number> } {
  const requested = new Map<string, number>();
  for (const approval of approvals) {
    const { memberId, reviewedAt } = approval.data;
    const month = shanghaiMonth(new Date(reviewedAt));
    const attribution = memberId ? attributionOf(memberId) : null;
    for (const e of earningsFor(CREDIT_RULES_V1, approval.data, attribution)) {
      const id = monthTotalId(e.account, month);
      requested.set(id, (requested.get(id) ?? 0) + e.requested);
    }
  }
  const granted = new Map(
    [...requested].map(([id, sum]) => {
      const kind = id.split(':')[0] as keyof typeof CREDIT_RULES_V1.monthlyCaps;
      return [id, cappedTotal(CREDIT_RULES_V1.monthlyCaps[kind], sum)];
    }),
  );
  return { requested, granted };
}

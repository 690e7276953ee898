import mongoose, { type Connection } from 'mongoose';
import { Topics, type CheckInReviewedV1, type CloudEvent, type FirmBonusV1 } from '@jiceng/events';
import { createKafka, EventProducer } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  deleteGroupsWhenIdle,
  probeTopic,
  startApp,
  waitFor,
  type AppProcess,
  type TopicProbe,
} from '@jiceng/testing';
import { monthsOf, shanghaiQuarter } from '@jiceng/calendar';
import { accountKey, monthTotalId } from '../src/account/account';
import { consumerGroups } from '../src/credit.env';
import { lagBehind, topicEnds } from '../src/projections/catch-up';
import { creditGroupTopics } from '../src/replay/replay-lib';
import { CREDIT_RULES_V1 } from '../src/rules/credit-rules';
import { tierFor } from '../src/rules/scoring';
import {
  checkIn,
  expectedMonthTotals,
  memberEvent,
  newId,
  orgEvent,
  projectEvent,
  publish,
  revocation,
  runId,
  startGroupsAtEnd,
} from './support';

// 10,000 approved check-ins with duplicates, second approvals and revocations among them, while
// the credit service is killed (SIGKILL) twice mid-stream and restarted: every balance must come
// out exactly as the rules compute it from the distinct events.

const APPROVALS = 10_000;
const run = runId();
const dbName = `jiceng_credit_crash_${run}`;
const prefix = `jiceng-credit-crash-${run}`;
const kafka = createKafka('jiceng-credit-crash-test');
const producer = new EventProducer(kafka);

// A deterministic pseudo-random sequence, so a failure can be reproduced.
let seed = 20230601;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

describe('ledger under crashes and duplicates', () => {
  let credit: AppProcess;
  let db: Connection;
  let bonusProbe: TopicProbe;

  const district = newId();
  const community = newId();
  const joint = newId();
  const branches = Array.from({ length: 10 }, newId);
  const units = Array.from({ length: 5 }, newId);
  const temps = Array.from({ length: 3 }, newId);
  const firms = Array.from({ length: 3 }, newId);
  const creditCodes = ['91130600MA0F8X5E3K', '91130600MA0F8X5E4L', '91130600MA0F8X5E5M'];
  const members = Array.from({ length: 200 }, (_, i) => ({
    memberId: newId(),
    organizationId: branches[i % branches.length],
    unitOrganizationId: i % 4 === 0 ? units[i % units.length] : null,
    projectBranchId: i % 7 === 0 ? temps[i % temps.length] : null,
  }));
  const env = () => ({
    MONGO_DB: dbName,
    CREDIT_GROUP_PREFIX: prefix,
    CREDIT_TIER_QUIET_SECONDS: '1',
  });

  beforeAll(async () => {
    await startGroupsAtEnd(kafka, prefix);
    bonusProbe = await probeTopic(kafka, Topics.creditFirmBonus);
    credit = await startApp('services/credit', env());
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    const d = { id: district, ancestorIds: [] };
    const c = { id: community, ancestorIds: [district] };
    const j = { id: joint, ancestorIds: [district] };
    await publish(producer, [
      orgEvent(district, '压测区委', null, 'PARTY_COMMITTEE', 'STATE_ORGAN'),
      orgEvent(community, '压测社区党委', d, 'PARTY_COMMITTEE'),
      orgEvent(joint, '压测项目联合党委', d, 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT'),
      ...branches.map((b, i) => orgEvent(b, `压测第${i + 1}网格党支部`, c, 'BRANCH', 'GRID')),
      ...units.map((u, i) => orgEvent(u, `压测第${i + 1}机关党支部`, d, 'BRANCH', 'STATE_ORGAN')),
      ...temps.map((t, i) =>
        orgEvent(t, `压测${i + 1}标段临时党支部`, j, 'TEMPORARY_BRANCH', 'CONSTRUCTION_PROJECT'),
      ),
      projectEvent(
        newId(),
        joint,
        firms.map((firmId, i) => ({ firmId, creditCode: creditCodes[i], branchIds: [temps[i]] })),
      ),
      ...members.map((m) => memberEvent(m)),
    ]);
    await waitFor(
      async () =>
        (await db
          .collection('member_refs')
          .countDocuments({ _id: { $in: members.map((m) => m.memberId) } as any })) ===
          members.length &&
        (await db.collection('project_refs').countDocuments({ 'firms.firmId': firms[0] })) === 1
          ? true
          : undefined,
      60_000,
      250,
    );
  });

  afterAll(async () => {
    await Promise.all([credit?.stop(), bonusProbe?.stop()]);
    await producer.disconnect();
    await db?.dropDatabase();
    await db?.close();
    await deleteGroupsWhenIdle(kafka, Object.values(consumerGroups(prefix)));
  });

  it('gets exactly the expected balances after two SIGKILLs in the middle of 10,000 approvals', async () => {
    // The stream: approvals (5% by unit organizations), re-sent duplicates, second approvals of
    // a held claim (ignored), then revocations of 3% of the approvals.
    const start = Date.UTC(2023, 7, 31, 16); // 2023-09-01 00:00 in Shanghai
    const span = 92 * 24 * 3600 * 1000; // September to November
    const approvals: CloudEvent<CheckInReviewedV1>[] = [];
    const stream: CloudEvent<CheckInReviewedV1>[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      const reviewedAt = new Date(start + Math.floor(random() * span)).toISOString();
      const taskPoints = 1 + Math.floor(random() * 20);
      const approval =
        i % 20 === 0
          ? checkIn({ organizationId: pick(units), communityId: community, taskPoints, reviewedAt })
          : checkIn({
              memberId: pick(members).memberId,
              communityId: community,
              taskPoints,
              reviewedAt,
            });
      approvals.push(approval);
      stream.push(approval);
      if (random() < 0.15) stream.push(pick(approvals)); // a duplicate delivery
      if (random() < 0.01)
        stream.push(checkIn({ ...approval.data, claimId: approval.data.claimId, reviewedAt })); // a second approval
    }
    const revoked = new Set<string>();
    while (revoked.size < APPROVALS * 0.03) {
      const approval = pick(approvals);
      if (revoked.has(approval.id)) continue;
      revoked.add(approval.id);
      stream.push(
        revocation(
          approval,
          new Date(Date.parse(approval.data.reviewedAt) + 3600_000).toISOString(),
        ),
      );
    }

    // What the rules say: per account and month, min(cap, requested); tiers per firm quarter.
    const { requested, granted: expected } = expectedMonthTotals(
      approvals.filter((approval) => !revoked.has(approval.id)),
      (memberId) => {
        const member = members.find((m) => m.memberId === memberId);
        return member
          ? {
              branchId: member.organizationId,
              unitOrganizationId: member.unitOrganizationId,
              firmId: member.projectBranchId ? firms[temps.indexOf(member.projectBranchId)] : null,
            }
          : null;
      },
    );
    const cappedMonths = [...requested].filter(([id, sum]) => expected.get(id) !== sum).length;
    expect(cappedMonths).toBeGreaterThan(10); // the caps are exercised

    const published = Date.now();
    for (let i = 0; i < stream.length; i += 500) await publish(producer, stream.slice(i, i + 500));
    const ends = await topicEnds(kafka, [Topics.volunteeringCheckins]);
    const ledgerGroup = creditGroupTopics(prefix).filter(
      (g) => g.topic === Topics.volunteeringCheckins,
    );
    const applications = () => db.collection('ledger_applications').countDocuments({});

    // Kill the service twice while it works through the stream, and restart it.
    for (const threshold of [0.3, 0.65]) {
      await waitFor(
        async () => ((await applications()) >= APPROVALS * threshold ? true : undefined),
        // Throughput is not what this test checks: a busy machine may take this long.
        600_000,
        100,
      );
      await credit.kill();
      credit = await startApp('services/credit', env());
    }
    await waitFor(
      async () => ((await lagBehind(kafka, ledgerGroup, ends)) === 0n ? true : undefined),
      600_000,
      500,
    );
    const seconds = (Date.now() - published) / 1000;
    process.stderr.write(
      `${stream.length} check-in events (${APPROVALS} approvals) in ${seconds.toFixed(1)} s with two restarts\n`,
    );

    const ours = {
      accountId: { $in: [...members.map((m) => m.memberId), ...branches, ...units, ...firms] },
    };
    const totals = await db.collection('month_totals').find(ours).toArray();
    const actual = new Map(
      totals.filter((t) => t.requested || t.granted).map((t) => [String(t._id), t.granted]),
    );
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(totals.every((t) => t.pending.length === 0)).toBe(true);

    // Entries: one per event and account, summing to the totals; every plan carried out.
    const entries = await db
      .collection('ledger_entries')
      .aggregate([
        { $match: ours },
        {
          $group: {
            _id: { account: '$account', month: '$month' },
            points: { $sum: '$points' },
            n: { $sum: 1 },
          },
        },
      ])
      .toArray();
    for (const e of entries)
      expect([e._id.account, e._id.month, e.points]).toEqual([
        e._id.account,
        e._id.month,
        actual.get(monthTotalId(e._id.account, e._id.month)) ?? 0,
      ]);
    expect(await db.collection('ledger_applications').countDocuments({ state: 'PLANNED' })).toBe(0);

    const wallets = await db
      .collection('wallets')
      .find({ _id: { $in: members.map((m) => accountKey('MEMBER', m.memberId)) } as any })
      .toArray();
    for (const w of wallets) {
      const earned = [...expected]
        .filter(([id]) => id.startsWith(`${w._id}|`))
        .reduce((a, [, p]) => a + p, 0);
      expect([w._id, w.earned, w.available, w.pending.length]).toEqual([w._id, earned, earned, 0]);
    }

    // Firm bonus: the final tier per quarter, and at most one event per tier change, in sequence.
    for (const [i, firm] of firms.entries()) {
      for (const quarter of ['2023-Q3', '2023-Q4']) {
        const points = monthsOf(quarter).reduce(
          (a, m) => a + (expected.get(monthTotalId(accountKey('FIRM', firm), m)) ?? 0),
          0,
        );
        const tier = tierFor(CREDIT_RULES_V1.firmBonusTiers, points).tier;
        const read = () =>
          db.collection('firm_bonuses').findOne({ _id: `${firm}|${quarter}` as any });
        // The final tier is announced once the points have been still for a second.
        const doc = await waitFor(async () => {
          const found = await read();
          return !found || found.announcedTier === found.tier ? (found ?? 'none') : undefined;
        }).then((found) => (found === 'none' ? null : found));
        expect([firm, quarter, doc?.tier ?? 'NONE']).toEqual([firm, quarter, tier]);
        if (!doc) continue;
        const events = await bonusProbe.waitFor((messages) =>
          messages.some((m) => {
            const data = JSON.parse(m.value!.toString()).data as FirmBonusV1;
            return (
              data.firmId === firm && data.period === quarter && data.sequence === doc.sequence
            );
          }),
        );
        const announced = new Map<number, Set<string>>();
        for (const m of events) {
          const event = JSON.parse(m.value!.toString());
          const data = event.data as FirmBonusV1;
          if (data.firmId !== firm || data.period !== quarter) continue;
          expect(data.creditCode).toBe(creditCodes[i]);
          announced.set(data.sequence, (announced.get(data.sequence) ?? new Set()).add(event.id));
        }
        expect([...announced.keys()].sort((a, b) => a - b)).toEqual(
          Array.from({ length: doc.sequence }, (_, k) => k + 1),
        );
        expect([...announced.values()].every((ids) => ids.size === 1)).toBe(true);
      }
    }
    expect(shanghaiQuarter(new Date(start))).toBe('2023-Q3');
  }, 2_400_000);
});

// Loads the demo members into the members database (MONGO_URL, MONGO_DB), once the members
// service's organization projection holds the demo trees (the organizations service publishes
// them; this waits up to 120 s). DEMO_MEMBERS sets the total (default 100,000).
//
// Idempotent: members are keyed by their ID number's hash, unit registrations by unit and
// community, and only missing ones are inserted, in bulk. Members with a unit, a community
// registration, a project assignment or a mobile branch carry their `registered` event in the
// outbox, which the loader publishes before it exits (credit, volunteering and the stations demo
// learn them from it); the other bulk-loaded members are a data import and carry none, so the
// loader counts every member into the analyst counters itself. Then the 组织生活 of 运河区's district
// unit branches (demo-meetings.ts), each meeting with its event, tallied as the service's write
// tallies it; and the 党员联系户 of 水月寺街道's grids (demo-households.ts), rosters and visits
// with their events, tallied the same way. Prints one JSON summary line.
import mongoose, { Types, type Model } from 'mongoose';
import { isDuplicateKeyError, mongoUrlFromEnv } from '@jiceng/mongo';
import { publishPendingOutboxes } from '@jiceng/outbox';
import { unitReportRecord } from '../double-report/unit-double-report.events';
import {
  UNIT_DOUBLE_REPORT_MODEL,
  unitDoubleReportSchema,
  type UnitDoubleReport,
} from '../double-report/unit-double-report.schema';
import { memberRecord } from '../member/member.events';
import { MEMBER_MODEL, memberSchema, type Member } from '../member/member.schema';
import { ORG_NODE_MODEL, orgNodeSchema, pathOf, type OrgNode } from '@jiceng/org-projection';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import { memberSource, unitReportSource } from '../read-model/counted-sources';
import { countEverything } from '../read-model/rebuild';
import { personalDataConfigFromEnv } from '../personal-data/personal-data.config';
import { GAOMI_FIGURES, insertMissing as insertDemo } from '@jiceng/demo';
import { MeetingTallies } from '../organizational-life/meeting-tallies';
import {
  MEETING_TALLY_MODEL,
  MEMBER_MEETING_YEAR_MODEL,
  meetingTallySchema,
  memberMeetingYearSchema,
} from '../organizational-life/meeting-tally.schema';
import { MEETING_MODEL, meetingSchema, type Meeting } from '../organizational-life/meeting.schema';
import { HouseholdTallies } from '../household-contacts/household-tallies';
import {
  HOUSEHOLD_ROSTER_MODEL,
  HOUSEHOLD_VISIT_MODEL,
  householdRosterSchema,
  householdVisitSchema,
  type HouseholdRoster,
  type HouseholdVisit,
} from '../household-contacts/household-contacts.schema';
import {
  HOUSEHOLD_CONTACT_MEMBER_MODEL,
  HOUSEHOLD_GRID_MONTH_MODEL,
  householdContactMemberSchema,
  householdGridMonthSchema,
} from '../household-contacts/household-tally.schema';
import {
  DEMO_HOUSEHOLD_STREET,
  demoRosters,
  demoVisits,
  type ContactGrid,
} from './demo-households';
import { demoMeetings, demoMisses, type MeetingBranch } from './demo-meetings';
import {
  DEMO_TODAY,
  FIGURES,
  findLandmarks,
  planDemo,
  type Landmarks,
  type PlannedMember,
} from './demo-plan';

const WAIT_MS = 120_000;
const BATCH = 2000;
// Demo member ids: a fixed 2024-01-01 timestamp and a counter, in the order of the ID-number
// hashes, so both unique indexes receive ascending keys (a bulk load several times faster on
// the local Mongo-wire server); registrations through the API get ordinary ObjectIds.
const ID_PREFIX = Math.floor(Date.UTC(2024, 0, 1) / 1000).toString(16);
type Ordered = { related: boolean; doc: { idNumberHash: string } };
// Members other services' demos refer to (the demo cast, @jiceng/demo) keep their fixed ids.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * 运河区's district unit branches' meetings with their events, and their tallies applied as the
 * service's write does (MeetingTallies); returns what was stored.
 */
async function loadMeetings(
  connection: mongoose.Connection,
  landmarks: Landmarks,
  docs: { _id: Types.ObjectId; organizationId: Types.ObjectId; status: string; name: string }[],
  now: Date,
) {
  const meetings = connection.model<Meeting>(MEETING_MODEL, meetingSchema);
  const tallies = new MeetingTallies(
    meetings,
    connection.model(MEETING_TALLY_MODEL, meetingTallySchema),
    connection.model(MEMBER_MEETING_YEAR_MODEL, memberMeetingYearSchema),
  );
  await meetings.init();
  const byBranch = new Map<string, MeetingBranch['members']>();
  for (const d of docs) {
    const key = String(d.organizationId);
    byBranch.set(key, [...(byBranch.get(key) ?? []), d]);
  }
  const branches: MeetingBranch[] = landmarks.districtUnits.map((b) => ({
    _id: b._id,
    path: pathOf(b),
    members: byBranch.get(String(b._id)) ?? [],
  }));
  const fresh = await insertDemo(meetings, demoMeetings(branches, now));
  await tallies.apply(fresh);
  return {
    branches: branches.length,
    meetings: await meetings.countDocuments({}),
    inserted: fresh.length,
    missedRequired: demoMisses(branches.length).length,
  };
}

/**
 * 党员联系户 of 水月寺街道's grids: rosters and visits with their events, and their tallies applied
 * as the service's writes apply them (HouseholdTallies); returns what was stored.
 */
async function loadHouseholds(
  connection: mongoose.Connection,
  all: OrgNode[],
  docs: { _id: Types.ObjectId; organizationId: Types.ObjectId; status: string }[],
  cipher: PersonalDataCipher,
  now: Date,
) {
  const rosters = connection.model<HouseholdRoster>(HOUSEHOLD_ROSTER_MODEL, householdRosterSchema);
  const visits = connection.model<HouseholdVisit>(HOUSEHOLD_VISIT_MODEL, householdVisitSchema);
  const tallies = new HouseholdTallies(
    visits,
    rosters,
    connection.model(HOUSEHOLD_GRID_MONTH_MODEL, householdGridMonthSchema),
    connection.model(HOUSEHOLD_CONTACT_MEMBER_MODEL, householdContactMemberSchema),
  );
  await Promise.all([rosters.init(), visits.init()]);
  const street = all.find((n) => n.name === DEMO_HOUSEHOLD_STREET);
  if (!street) return { street: null, grids: 0, households: 0, visits: 0 };
  const byBranch = new Map<string, ContactGrid['members']>();
  for (const d of docs) {
    const key = String(d.organizationId);
    byBranch.set(key, [...(byBranch.get(key) ?? []), d]);
  }
  const grids: ContactGrid[] = all
    .filter(
      (n) =>
        n.sector === 'GRID' &&
        n.status === 'ACTIVE' &&
        n.ancestorIds.some((a) => a.equals(street._id)),
    )
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
    .map((n) => ({ _id: n._id, path: pathOf(n), members: byBranch.get(String(n._id)) ?? [] }));
  const planned = demoRosters(grids, (phone) => cipher.encrypt('phone', phone), now);
  const freshRosters = await insertDemo(rosters, planned);
  const freshVisits = await insertDemo(visits, demoVisits(planned, now));
  await tallies.applyRosters(freshRosters);
  await tallies.applyVisits(freshVisits);
  return {
    street: street.name,
    grids: planned.length,
    households: planned.reduce((n, r) => n + r.households.length, 0),
    visits: await visits.countDocuments({}),
    inserted: freshRosters.length + freshVisits.length,
  };
}

/** The demo trees as the projection holds them, once their landmarks and size stop changing. */
async function waitForTrees(
  nodes: Model<OrgNode>,
): Promise<{ all: OrgNode[]; landmarks: Landmarks }> {
  const deadline = Date.now() + WAIT_MS;
  let previous = -1;
  for (;;) {
    // Demo roots are named 中共…省委员会; tests may leave other trees in the same topic.
    const roots = await nodes.find({ parentId: null, name: /^中共.+省委员会$/ }).lean<OrgNode[]>();
    const all = await nodes
      .find({
        $or: [
          { _id: { $in: roots.map((r) => r._id) } },
          { ancestorIds: { $in: roots.map((r) => r._id) } },
        ],
      })
      .lean<OrgNode[]>();
    const landmarks = findLandmarks(all);
    if (!Array.isArray(landmarks) && all.length === previous) return { all, landmarks };
    if (Date.now() > deadline) {
      const missing = Array.isArray(landmarks) ? landmarks.join('; ') : 'a stable tree';
      throw new Error(
        `the organization projection did not get the demo trees within ${WAIT_MS / 1000} s (missing: ${missing}); is the organizations service running and the members service consuming?`,
      );
    }
    previous = Array.isArray(landmarks) ? -1 : all.length;
    await sleep(1500);
  }
}

function memberDocument(
  planned: PlannedMember,
  cipher: PersonalDataCipher,
  now: Date,
): Omit<Member, '_id' | 'outbox' | 'floatingHistory' | 'communityReportHistory' | 'transfers'> {
  const report = planned.community;
  return {
    organizationId: planned.branch._id,
    organizationPath: pathOf(planned.branch),
    name: planned.name,
    gender: planned.gender,
    birthDate: planned.birthDate,
    idNumber: cipher.encrypt('idNumber', planned.idNumber),
    idNumberHash: cipher.hash('idNumber', planned.idNumber),
    ...(planned.phone && {
      phone: cipher.encrypt('phone', planned.phone),
      phoneHash: cipher.hash('phone', planned.phone),
    }),
    status: planned.status,
    statusSince: planned.statusSince,
    statusHistory: [
      {
        from: null,
        to: planned.status,
        at: planned.statusSince,
        by: 'demo-import',
        ...(planned.reason && { reason: planned.reason }),
        recordedAt: DEMO_TODAY,
      },
    ],
    ...(planned.employer && { employer: planned.employer }),
    occupation: planned.occupation,
    tags: planned.tags,
    inService: planned.inService,
    ...(planned.unit && {
      unitOrganizationId: planned.unit._id,
      unitOrganizationPath: pathOf(planned.unit),
    }),
    ...(planned.floating && {
      floating: {
        projectBranchId: planned.floating.node._id,
        projectBranchPath: pathOf(planned.floating.node),
        from: planned.floating.from,
        by: 'demo-import',
      },
    }),
    ...(report && {
      communityReport: {
        _id: new Types.ObjectId(),
        communityId: report.node._id,
        communityPath: pathOf(report.node),
        since: report.since,
        by: 'demo-import',
      },
    }),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

async function insertMissing<T extends { _id: Types.ObjectId }>(
  model: Model<any>,
  docs: T[],
  key: keyof T & string,
): Promise<{ inserted: number; present: number; skipped: number }> {
  let inserted = 0;
  let present = 0;
  let skipped = 0;
  const presentIn = async (batch: T[]) =>
    new Set(
      (
        await model.collection
          .find({ [key]: { $in: batch.map((d) => d[key]) } }, { projection: { [key]: 1 } })
          .toArray()
      ).map((d) => String(d[key])),
    );
  // Batches go in order, so a complete last batch means an earlier run finished them all.
  const last = docs.slice(-BATCH);
  if ((await presentIn(last)).size === last.length)
    return { inserted, present: docs.length, skipped };
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const existing = await presentIn(batch);
    const fresh = batch.filter((d) => !existing.has(String(d[key])));
    present += batch.length - fresh.length;
    try {
      if (fresh.length)
        inserted += (await model.collection.insertMany(fresh, { ordered: false })).insertedCount;
    } catch (error) {
      // A tree changed since the last run can give a new member the id of an old one: skip it.
      if (!isDuplicateKeyError(error)) throw error;
      const done = (error as { result?: { insertedCount?: number } }).result?.insertedCount ?? 0;
      inserted += done;
      skipped += fresh.length - done;
    }
  }
  return { inserted, present, skipped };
}

async function main(): Promise<void> {
  const started = Date.now();
  const target = Number(process.env.DEMO_MEMBERS ?? 100_000);
  const cipher = new PersonalDataCipher(personalDataConfigFromEnv());
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_members' })
    .asPromise();
  try {
    const nodes = connection.model(ORG_NODE_MODEL, orgNodeSchema);
    const members = connection.model(MEMBER_MODEL, memberSchema);
    const units = connection.model(UNIT_DOUBLE_REPORT_MODEL, unitDoubleReportSchema);
    await Promise.all([nodes.init(), members.init(), units.init()]);
    const { all, landmarks } = await waitForTrees(nodes);
    const waited = Date.now() - started;

    const plan = planDemo(all, landmarks, target);
    const now = new Date();
    // Members with events first: the relay finds its pending records at the start of its scans.
    const order = (a: Ordered, b: Ordered) =>
      Number(!a.related) - Number(!b.related) || (a.doc.idNumberHash < b.doc.idNumberHash ? -1 : 1);
    const docs = plan.members
      .map((planned) => ({
        // Other services learn these members from their events: units and communities (credit,
        // volunteering), floating assignments (credit), mobile branches (the stations demo links
        // workers and flag vehicles to them).
        related: !!(
          planned.unit ||
          planned.community ||
          planned.floating ||
          planned.branch.kind === 'MOBILE_BRANCH'
        ),
        doc: memberDocument(planned, cipher, now),
        fixedId: planned.id,
      }))
      // The cast (fixed ids) goes last and takes no counter: the other members keep the ids an
      // earlier load gave them, and the last batch, which tells whether a load is complete,
      // holds the cast.
      .sort((a, b) => Number(!!a.fixedId) - Number(!!b.fixedId) || order(a, b))
      .map(({ related, doc, fixedId }, i) => {
        const _id =
          fixedId ?? new Types.ObjectId(`${ID_PREFIX}${i.toString(16).padStart(16, '0')}`);
        const outbox = related
          ? [
              memberRecord(
                'registered',
                { ...doc, _id },
                { changedFields: ['*'], effectiveAt: doc.statusSince },
              ),
            ]
          : undefined;
        return { _id, ...doc, ...(outbox && { outbox }) };
      });
    const planned = Date.now();
    const memberResult = await insertMissing(members, docs, 'idNumberHash');

    const unitDocs: (UnitDoubleReport & { activeKey: string })[] = plan.unitReports.map((r, i) => {
      const report = {
        _id: new Types.ObjectId(`${ID_PREFIX}ffff${i.toString(16).padStart(12, '0')}`),
        unitOrganizationId: r.unit._id,
        unitPath: pathOf(r.unit),
        communityId: r.community._id,
        communityPath: pathOf(r.community),
        since: r.since,
        activeKey: `${r.unit._id}:${r.community._id}`,
        by: 'demo-import',
        version: 1,
        createdAt: now,
        updatedAt: now,
        outbox: [],
      };
      return { ...report, outbox: [unitReportRecord('registered', report)] };
    });
    const unitResult = await insertMissing(units, unitDocs, 'activeKey');
    const meetings = await loadMeetings(connection, landmarks, docs, now);
    const households = await loadHouseholds(connection, all, docs, cipher, now);
    const inserted = Date.now();
    // The import bypasses the service's writes: count it through the same idempotent projector
    // (members already counted are skipped, so a second run costs only the reads).
    const counted = await countEverything(connection, [
      memberSource(members),
      unitReportSource(units),
    ]);
    const countedAt = Date.now();
    const eventsPublished = await publishPendingOutboxes(connection, 'jiceng-members-demo');

    const count = (p: (m: PlannedMember) => boolean) => plan.members.filter(p).length;
    const inYunhe = (m: PlannedMember) =>
      m.branch.ancestorIds.some((a) => a.equals(landmarks.yunhe._id));
    const cityUnitIds = new Set(landmarks.cityUnits.map((n) => String(n._id)));
    const districtUnitIds = new Set(landmarks.districtUnits.map((n) => String(n._id)));
    const gaomiUnitIds = new Set(landmarks.gaomiUnitBranches.map((n) => String(n._id)));
    const ofUnits = (ids: Set<string>) => (m: PlannedMember) =>
      !!m.community && ids.has(String(m.branch._id));
    console.log(
      JSON.stringify({
        members: docs.length,
        inserted: memberResult.inserted,
        alreadyPresent: memberResult.present,
        skippedAsDuplicates: memberResult.skipped + unitResult.skipped,
        withEvents: docs.filter((d) => 'outbox' in d).length,
        counted,
        eventsPublished,
        unitRegistrations: unitDocs.length,
        unitRegistrationsInserted: unitResult.inserted,
        meetings,
        households,
        figures: {
          cityUnitOrganizations: landmarks.cityUnits.length,
          districtUnitOrganizations: landmarks.districtUnits.length,
          cityInServiceReporting: count(ofUnits(cityUnitIds)),
          districtInServiceReporting: count(ofUnits(districtUnitIds)),
          gaomiUnits: landmarks.gaomiUnits.length,
          gaomiUnitBranches: landmarks.gaomiUnitBranches.length,
          gaomiInServiceReporting: count(ofUnits(gaomiUnitIds)),
          lulongGridMembers: count(
            (m) => !!m.id && landmarks.lulongGridVillages.has(m.branch.name),
          ),
          yunheApplicants: count((m) => m.status === 'APPLICANT' && inYunhe(m)),
          yunheCommunities: landmarks.communities.length,
          floating: count((m) => !!m.floating),
          projectBranches: landmarks.projectBranches.length,
          expected: { ...FIGURES, gaomi: GAOMI_FIGURES },
        },
        timingsMs: {
          waitForProjection: waited,
          plan: planned - started - waited,
          insert: inserted - planned,
          count: countedAt - inserted,
          publish: Date.now() - countedAt,
          total: Date.now() - started,
        },
        landmarks: { demoMember: String(docs.find((d) => d.communityReport)?._id ?? '') },
      }),
    );
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`demo members failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

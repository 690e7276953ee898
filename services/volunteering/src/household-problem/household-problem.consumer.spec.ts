import { Types } from 'mongoose';
import type { Kafka } from 'kafkajs';
import {
  createEvent,
  householdContactsV1,
  type HouseholdContactEventType,
  type HouseholdVisitV1,
} from '@jiceng/events';
import type { OrgNode, OrgProjectionService } from '@jiceng/org-projection';
import type { ServiceRequestService } from '../service-request/service-request.service';
import { HouseholdProblemConsumer, HOUSEHOLD_VISIT_REPORTER } from './household-problem.consumer';

const node = (kind: string, sector: string, ancestors: OrgNode[] = []): OrgNode => ({
  _id: new Types.ObjectId(),
  name: kind,
  kind,
  sector,
  regionCode: '130302',
  status: 'ACTIVE',
  parentId: ancestors.at(-1)?._id ?? null,
  ancestorIds: ancestors.map((a) => a._id),
  version: 1,
  updatedAt: new Date(),
});

describe('HouseholdProblemConsumer', () => {
  const community = node('PARTY_COMMITTEE', 'COMMUNITY');
  const grid = node('BRANCH', 'GRID', [community]);
  const tree = [community, grid];
  const orgs = {
    get: async (id: unknown) => tree.find((n) => String(n._id) === String(id)) ?? null,
    findByIds: async (ids: string[]) => tree.filter((n) => ids.includes(String(n._id))),
  } as unknown as OrgProjectionService;
  const opened = new Set<string>();
  const calls: unknown[][] = [];
  const requests = {
    openFromHouseholdVisit: async (request: { source: { visitId: string } }, by: string) => {
      calls.push([request, by]);
      if (opened.has(request.source.visitId)) return false;
      opened.add(request.source.visitId);
      return true;
    },
  } as unknown as ServiceRequestService;
  const consumer = new HouseholdProblemConsumer({} as Kafka, orgs, requests);

  const visit = (gridId: string, problem: HouseholdVisitV1['problem']): HouseholdVisitV1 => ({
    visitId: new Types.ObjectId().toHexString(),
    version: 1,
    householdId: `${gridId}:${new Types.ObjectId().toHexString()}`,
    gridId,
    memberId: new Types.ObjectId().toHexString(),
    visitedOn: '2026-11-03',
    onTime: true,
    duties: ['OTHER'],
    problem,
  });
  const event = (
    data: HouseholdVisitV1,
    type: HouseholdContactEventType = 'jiceng.members.household-visit.recorded',
  ) =>
    createEvent(householdContactsV1, {
      type,
      subject: data.gridId,
      data: { visit: data, recordedAt: '2026-11-03T02:00:00.000Z' },
    });

  beforeEach(() => (calls.length = 0));

  it('opens the request once in the community above the grid, however often it comes', async () => {
    const found = visit(String(grid._id), { category: 'SAFETY', solved: false });
    expect(await consumer.apply(event(found))).toBe('applied');
    expect(await consumer.apply(event(found))).toBe('duplicate');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual([
      expect.objectContaining({
        communityId: community._id,
        title: '走访发现：安全隐患',
        category: 'SAFETY',
        reportedAt: new Date('2026-11-03T02:00:00.000Z'),
        source: expect.objectContaining({ visitId: found.visitId }),
      }),
      HOUSEHOLD_VISIT_REPORTER,
    ]);
  });

  it('opens nothing for visits without a problem, solved problems or unknown grids', async () => {
    const gridId = String(grid._id);
    expect(await consumer.apply(event(visit(gridId, null)))).toBe('duplicate');
    const solved = visit(gridId, { category: 'OTHER', solved: true });
    expect(
      await consumer.apply(
        event({ ...solved, version: 2 }, 'jiceng.members.household-problem.resolved'),
      ),
    ).toBe('duplicate');
    const elsewhere = visit(new Types.ObjectId().toHexString(), {
      category: 'OTHER',
      solved: false,
    });
    expect(await consumer.apply(event(elsewhere))).toBe('duplicate');
    expect(calls).toEqual([]);
  });
});

import { Types } from 'mongoose';
import { HOUSEHOLD_PROBLEM_CATEGORIES_V1, type HouseholdVisitV1 } from '@jiceng/events';
import type { OrgNode } from '@jiceng/org-projection';
import { SERVICE_REQUEST_CATEGORIES } from '../service-request/service-request.enums';
import {
  communityOfGrid,
  householdProblemTitle,
  REQUEST_CATEGORY_OF_PROBLEM,
  requestOfVisit,
} from './household-problem.mapping';

const node = (
  name: string,
  kind: string,
  sector: string,
  ancestors: OrgNode[] = [],
  status: OrgNode['status'] = 'ACTIVE',
): OrgNode => ({
  _id: new Types.ObjectId(),
  name,
  kind,
  sector,
  regionCode: '130302',
  status,
  parentId: ancestors.at(-1)?._id ?? null,
  ancestorIds: ancestors.map((a) => a._id),
  version: 1,
  updatedAt: new Date(),
});

describe('household problems as service requests', () => {
  const district = node('运河区委', 'PARTY_COMMITTEE', 'STATE_ORGAN');
  const street = node('水月寺街道党工委', 'WORKING_COMMITTEE', 'COMMUNITY', [district]);
  const community = node('朝阳社区党委', 'PARTY_COMMITTEE', 'COMMUNITY', [district, street]);
  const grid = node('朝阳第一网格党支部', 'BRANCH', 'GRID', [district, street, community]);
  const group = node('第一党小组', 'GROUP', 'GRID', [district, street, community, grid]);

  it('maps every problem category to a request category, and titles it by its name', () => {
    for (const category of HOUSEHOLD_PROBLEM_CATEGORIES_V1)
      expect(SERVICE_REQUEST_CATEGORIES).toContain(REQUEST_CATEGORY_OF_PROBLEM[category]);
    expect(REQUEST_CATEGORY_OF_PROBLEM.DISPUTE).toBe('NEIGHBOR_DISPUTE');
    expect(REQUEST_CATEGORY_OF_PROBLEM.HARDSHIP).toBe('OTHER');
    expect(householdProblemTitle('DISPUTE')).toBe('走访发现：矛盾纠纷');
    expect(householdProblemTitle('HARDSHIP')).toBe('走访发现：生活困难');
  });

  it('finds the nearest community above a grid or a group, never the street above it', () => {
    const all = [district, street, community, grid];
    expect(communityOfGrid(grid, all)?._id).toEqual(community._id);
    expect(communityOfGrid(group, all)?._id).toEqual(community._id);
    // The order the projection answers in does not matter.
    expect(communityOfGrid(group, [...all].reverse())?._id).toEqual(community._id);
    // A street's working committee is COMMUNITY-sector but not a community.
    const streetGrid = node('街道直属网格', 'BRANCH', 'GRID', [district, street]);
    expect(communityOfGrid(streetGrid, all)).toBeNull();
    // A village branch holding households itself is its own community.
    const village = node('东关村党支部', 'BRANCH', 'VILLAGE', [district]);
    expect(communityOfGrid(village, [district])?._id).toEqual(village._id);
  });

  it('opens nothing in a dissolved community, nor jumps over it', () => {
    const closed = node('旧社区党委', 'PARTY_COMMITTEE', 'COMMUNITY', [district], 'DISSOLVED');
    const outer = node('外层社区党委', 'PARTY_COMMITTEE', 'COMMUNITY', [district]);
    const orphan = node('网格', 'BRANCH', 'GRID', [district, outer, closed]);
    expect(communityOfGrid(orphan, [district, outer, closed])).toBeNull();
  });

  it('builds the request from the visit: ids only, reported when the visit was recorded', () => {
    const visit: HouseholdVisitV1 = {
      visitId: new Types.ObjectId().toHexString(),
      version: 1,
      householdId: `${String(grid._id)}:${new Types.ObjectId().toHexString()}`,
      gridId: String(grid._id),
      memberId: new Types.ObjectId().toHexString(),
      visitedOn: '2026-11-03',
      onTime: true,
      duties: ['DISPUTE_MEDIATION'],
      problem: { category: 'INFRASTRUCTURE', solved: false },
    };
    const at = new Date('2026-11-03T09:00:00.000Z');
    expect(requestOfVisit(visit, community, at)).toEqual({
      communityId: community._id,
      title: '走访发现：基础设施',
      category: 'PUBLIC_FACILITIES',
      reportedAt: at,
      source: {
        visitId: visit.visitId,
        householdId: visit.householdId,
        gridId: visit.gridId,
        memberId: visit.memberId,
      },
    });
    expect(requestOfVisit({ ...visit, problem: null }, community, at)).toBeNull();
    expect(
      requestOfVisit({ ...visit, problem: { category: 'OTHER', solved: true } }, community, at),
    ).toBeNull();
  });
});

import { shanghaiDate } from '@jiceng/calendar';
import { checkInReviewedV1, parseEvent } from '@jiceng/events';
import { GAOMI } from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import { coveredByAgreement, SERVICE_DAY_OF_MONTH } from '../service-day/service-day-rules';
import { serviceRequests } from './demo-requests';
import { demoId } from './demo-kit';
import {
  DEMO_SERVICE_DAYS,
  demoServiceDays,
  gaomiServiceDayInput,
  type Gaomi,
} from './demo-service-days';
import { gaomiProjectionNodes } from './projection-nodes.fixture';

function gaomiInput(nodes: OrgNode[] = gaomiProjectionNodes()): Gaomi | string {
  const city = nodes.find((n) => n.name === GAOMI.city)!;
  return gaomiServiceDayInput(
    city,
    nodes.filter((n) => n.ancestorIds.some((a) => a.equals(city._id))),
  );
}

/** The city with 3,600 members serving in its communities (双报到), as the projection holds them. */
function withMembers(): Gaomi {
  const gaomi = gaomiInput() as Gaomi;
  gaomi.communities.forEach((c, i) => {
    c.members = Array.from({ length: 144 }, (_, k) => demoId(`test-gaomi-member/${i}/${k}`));
  });
  return gaomi;
}

const requestsOf = (gaomi: Gaomi) => serviceRequests({ requestCommunities: gaomi.communities });

describe('高密 德邻有约 demo data', () => {
  const gaomi = withMembers();
  const requests = requestsOf(gaomi);
  const { helpTeams, days } = demoServiceDays(gaomi.communities, requests);
  const communityOfBranch = new Map(
    gaomi.communities.flatMap((c) => c.branches.map((b) => [String(b._id), c])),
  );

  it("finds the city's 25 communities, 150 grid and compound branches and 140 units", () => {
    expect(gaomi.communities).toHaveLength(25);
    expect(gaomi.communities.flatMap((c) => c.branches)).toHaveLength(150);
    const units = gaomi.communities.map((c) => c.units.length);
    expect(units.reduce((a, b) => a + b, 0)).toBe(140);
    expect(Math.min(...units)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...units)).toBeLessThanOrEqual(6);
  });

  it('says what is missing while the projection holds part of the city', () => {
    const part = gaomiProjectionNodes().filter((n) => n.sector !== 'RESIDENTIAL_COMPOUND');
    expect(gaomiInput(part)).toMatch(/100 of 150 grid and compound branches/);
  });

  it('forms 467 帮帮团 of the branches, with members of their own community', () => {
    expect(helpTeams).toHaveLength(DEMO_SERVICE_DAYS.helpTeams);
    expect(new Set(helpTeams.map((t) => t.name)).size).toBe(helpTeams.length);
    for (const team of helpTeams) {
      const community = communityOfBranch.get(String(team.organizationId))!;
      expect(String(team.communityId)).toBe(String(community._id));
      expect(team.memberIds.length).toBeGreaterThanOrEqual(2);
      const own = new Set(community.members.map(String));
      expect(team.memberIds.every((m) => own.has(String(m)))).toBe(true);
    }
  });

  it("holds every branch's day on the 5th of each month, signed off or called off", () => {
    expect(days).toHaveLength(150 * DEMO_SERVICE_DAYS.months.length);
    expect(new Set(days.map((d) => `${String(d.branchId)}|${d.date}`)).size).toBe(days.length);
    expect(days.every((d) => Number(d.date.slice(8)) === SERVICE_DAY_OF_MONTH)).toBe(true);
    const cancelled = days.filter((d) => d.state === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeLessThan(days.length / 20);
    for (const day of cancelled) {
      expect(day.attendance).toEqual([]);
      expect(day.figures).toBeNull();
    }
  });

  it('runs each stall by a unit of the community or one of its 帮帮团, under signed agreements', () => {
    const teamCommunity = new Map(helpTeams.map((t) => [String(t._id), String(t.communityId)]));
    for (const day of days.filter((d) => d.state === 'SIGNED_OFF')) {
      const community = communityOfBranch.get(String(day.branchId))!;
      expect(day.path.at(-1)).toEqual(day.branchId);
      expect(day.stalls[0].kind).toBe('SECRETARY');
      for (const stall of day.stalls) {
        expect(!!stall.unitId).not.toBe(!!stall.helpTeamId);
        if (stall.unitId) expect(community.units.map(String)).toContain(String(stall.unitId));
        else expect(teamCommunity.get(String(stall.helpTeamId))).toBe(String(community._id));
      }
      const parties = {
        unitIds: day.agreements.filter((a) => a.partyKind === 'UNIT').map((a) => String(a.partyId)),
        memberIds: day.agreements
          .filter((a) => a.partyKind === 'MEMBER')
          .map((a) => String(a.partyId)),
      };
      expect(day.attendance.length).toBeGreaterThanOrEqual(4);
      for (const a of day.attendance)
        expect(coveredByAgreement(parties, String(a.memberId), a.unitId && String(a.unitId))).toBe(
          true,
        );
      expect(day.figures!.satisfaction).toBeGreaterThanOrEqual(92);
      expect(day.figures!.satisfaction).toBeLessThan(100);
    }
  });

  it("queues each volunteer's attendance for the ledger, once, with the sign-off", () => {
    const day = days.find((d) => d.state === 'SIGNED_OFF')!;
    const checkIns = day.outbox.filter((r) => r.topic === checkInReviewedV1.topic);
    expect(checkIns).toHaveLength(day.attendance.length);
    const events = checkIns.map((r) => parseEvent(checkInReviewedV1, r.value).data);
    expect(events.map((e) => e.claimId)).toEqual(day.attendance.map((a) => String(a._id)));
    expect(events[0]).toMatchObject({
      taskId: String(day._id),
      claimantKind: 'MEMBER',
      taskPoints: DEMO_SERVICE_DAYS.pointsPerVolunteer,
      durationMinutes: 180,
    });
  });

  it("collects the requests reported on a community's service day through that day", () => {
    const byId = new Map(days.map((d) => [String(d._id), d]));
    const collected = requests.filter((r) => r.serviceDayId);
    expect(collected.length).toBeGreaterThan(20);
    expect(requests.filter((r) => r.acceptedAt)).toHaveLength(1320);
    for (const r of collected) {
      const day = byId.get(String(r.serviceDayId))!;
      expect(r.channel).toBe('SERVICE_DAY');
      expect(String(day.communityId)).toBe(String(r.communityId));
      expect(shanghaiDate(r.reportedAt)).toBe(day.date);
      expect(day.problems.map((p) => String(p.requestId))).toContain(String(r._id));
    }
    expect(days.reduce((n, d) => n + d.problems.length, 0)).toBe(collected.length);
  });

  it('is deterministic', () => {
    const again = demoServiceDays(withMembers().communities, requestsOf(gaomi));
    expect(again.days.map((d) => String(d._id))).toEqual(days.map((d) => String(d._id)));
    expect(again.days.map((d) => d.attendance.map((a) => String(a.memberId)))).toEqual(
      days.map((d) => d.attendance.map((a) => String(a.memberId))),
    );
    expect(again.helpTeams.map((t) => t.name)).toEqual(helpTeams.map((t) => t.name));
  });
});

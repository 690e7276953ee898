import type { Types } from 'mongoose';
import type { Member } from '../member/member.schema';
import type { UnitDoubleReport } from '../double-report/unit-double-report.schema';

// What one member (or one unit registration) adds to the read model, as a set of keys: a key
// `c|<counter doc>|<field>` adds 1 to that counter field, a key `r|<roster doc>` lists the member
// in that roster. A change is the difference of two sets, so applying it is a handful of
// increments whatever the member's history, and the same state always gives the same keys.
//
// Counter docs are per organization (`<org>`) plus, for age bands, per organization and birth
// year (`<org>:<year>`, day-level detail read only for the three years that straddle a band
// boundary on the day asked). Fields:
//   s.<STATUS>     members held here, every status (LEFT too)
//   g.<GENDER>     held here, not LEFT            y.b<YYYY>  held here, not LEFT, by birth year
//   d.m<MMDD>      (year doc) held here, not LEFT, by birth day
//   fl             floating members assigned to this project branch
//   rm.<unit|none> in-service members reporting to this community, by their unit organization
//   ru             in-service members of this unit organization reporting to some community
//   ti / to        pending transfers into / out of this organization
//   ur.<unit>      unit organizations registered with this community (active), by unit
//   uu             this unit organization's active registrations with communities

export type ContributionKey = string;

export const counterKey = (doc: string, field: string): ContributionKey => `c|${doc}|${field}`;
export const rosterKey = (roster: string): ContributionKey => `r|${roster}`;
/** The roster of the members whose membership an organization holds (every status). */
export const homeRoster = (org: Types.ObjectId | string) => `home:${String(org)}`;
export const yearDoc = (org: Types.ObjectId | string, year: number) => `${String(org)}:${year}`;

export type CountedMember = Pick<
  Member,
  | '_id'
  | 'version'
  | 'organizationId'
  | 'status'
  | 'gender'
  | 'birthDate'
  | 'unitOrganizationId'
  | 'floating'
  | 'communityReport'
  | 'pendingTransfer'
>;

/** The fields a contribution reads: the projection of every read-model load. */
export const COUNTED_MEMBER_FIELDS = {
  version: 1,
  organizationId: 1,
  status: 1,
  gender: 1,
  birthDate: 1,
  unitOrganizationId: 1,
  'floating.projectBranchId': 1,
  'communityReport.communityId': 1,
  'pendingTransfer.toOrganizationId': 1,
} as const;

const mmdd = (date: Date) =>
  `${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;

export function memberContribution(member: CountedMember): ContributionKey[] {
  const org = String(member.organizationId);
  const keys = [counterKey(org, `s.${member.status}`), rosterKey(homeRoster(org))];
  if (member.status !== 'LEFT') {
    const year = member.birthDate.getUTCFullYear();
    keys.push(
      counterKey(org, `g.${member.gender}`),
      counterKey(org, `y.b${year}`),
      counterKey(yearDoc(org, year), `d.m${mmdd(member.birthDate)}`),
    );
  }
  // Leaving ends floating and double reporting and is refused with a pending transfer, so these
  // follow the lists' own conditions (the assignment exists) without looking at the status.
  if (member.floating) keys.push(counterKey(String(member.floating.projectBranchId), 'fl'));
  if (member.communityReport) {
    const unit = member.unitOrganizationId ? String(member.unitOrganizationId) : 'none';
    keys.push(counterKey(String(member.communityReport.communityId), `rm.${unit}`));
    if (member.unitOrganizationId) keys.push(counterKey(unit, 'ru'));
  }
  if (member.pendingTransfer) {
    keys.push(counterKey(String(member.pendingTransfer.toOrganizationId), 'ti'));
    keys.push(counterKey(org, 'to'));
  }
  return keys;
}

export type CountedUnitReport = Pick<
  UnitDoubleReport,
  '_id' | 'version' | 'unitOrganizationId' | 'communityId' | 'until'
>;

export const COUNTED_UNIT_REPORT_FIELDS = {
  version: 1,
  unitOrganizationId: 1,
  communityId: 1,
  until: 1,
} as const;

export function unitReportContribution(report: CountedUnitReport): ContributionKey[] {
  if (report.until) return [];
  const unit = String(report.unitOrganizationId);
  return [counterKey(String(report.communityId), `ur.${unit}`), counterKey(unit, 'uu')];
}

/** What moving from one contribution to the next changes, grouped by document. */
export interface ContributionDelta {
  /** counter doc → field → +1/−1 */
  counters: Map<string, Record<string, number>>;
  /** roster doc → added (+1) or removed (−1) */
  rosters: Map<string, 1 | -1>;
}

export function contributionDelta(
  before: readonly ContributionKey[],
  after: readonly ContributionKey[],
): ContributionDelta {
  const delta: ContributionDelta = { counters: new Map(), rosters: new Map() };
  const was = new Set(before);
  const is = new Set(after);
  const add = (key: ContributionKey, sign: 1 | -1) => {
    const [kind, doc, field] = key.split('|');
    if (kind === 'r') {
      delta.rosters.set(doc, sign);
      return;
    }
    const fields = delta.counters.get(doc) ?? {};
    fields[field] = (fields[field] ?? 0) + sign;
    delta.counters.set(doc, fields);
  };
  for (const key of is) if (!was.has(key)) add(key, 1);
  for (const key of was) if (!is.has(key)) add(key, -1);
  return delta;
}

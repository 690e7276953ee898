import type { RuralFundingType, RuralProjectKind } from '../project/project.enums';

/** One group of the funding aggregation: money of one type, year, kind and village. */
export interface FundingGroup {
  year: number;
  kind: RuralProjectKind;
  villageId: string;
  type: RuralFundingType;
  amountFen: number;
  projectIds: string[];
}

export interface FundingBucket<K> {
  key: K;
  investmentFen: number;
  subsidyFen: number;
}

export interface FundingBreakdown {
  investmentFen: number;
  subsidyFen: number;
  projectCount: number;
  villageCount: number;
  byYear: FundingBucket<number>[];
  byKind: FundingBucket<RuralProjectKind>[];
  byRegion: FundingBucket<string>[];
}

function bucket<K>(buckets: Map<K, FundingBucket<K>>, key: K, group: FundingGroup) {
  let entry = buckets.get(key);
  if (!entry) buckets.set(key, (entry = { key, investmentFen: 0, subsidyFen: 0 }));
  if (group.type === 'INVESTMENT') entry.investmentFen += group.amountFen;
  else entry.subsidyFen += group.amountFen;
}

const sorted = <K extends string | number>(buckets: Map<K, FundingBucket<K>>) =>
  [...buckets.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/**
 * Investment and subsidy totals, by year, by project kind and by the region (GB/T 2260 code) of
 * the village the money went to.
 */
export function fundingBreakdown(
  groups: readonly FundingGroup[],
  regionOf: (villageId: string) => string,
): FundingBreakdown {
  const years = new Map<number, FundingBucket<number>>();
  const kinds = new Map<RuralProjectKind, FundingBucket<RuralProjectKind>>();
  const regions = new Map<string, FundingBucket<string>>();
  const total = new Map<string, FundingBucket<string>>();
  const projects = new Set<string>();
  const villages = new Set<string>();
  for (const group of groups) {
    bucket(years, group.year, group);
    bucket(kinds, group.kind, group);
    bucket(regions, regionOf(group.villageId), group);
    bucket(total, 'all', group);
    group.projectIds.forEach((id) => projects.add(id));
    villages.add(group.villageId);
  }
  const all = total.get('all');
  return {
    investmentFen: all?.investmentFen ?? 0,
    subsidyFen: all?.subsidyFen ?? 0,
    projectCount: projects.size,
    villageCount: villages.size,
    byYear: sorted(years),
    byKind: sorted(kinds),
    byRegion: sorted(regions),
  };
}

// The open data (开放数据) a province may publish: counts and totals that carry no personal
// data, each a query of the graph run by `npm run open-data`. `$root` is the organization whose
// subtree is published, `$year` the year of the counts by period; a connection pages through
// `$after`. The data dictionary comes from the schema's own descriptions (open-data-dictionary.ts).

export interface OpenDataset {
  name: string;
  /** Chinese title, for the dictionary and the files' readers. */
  title: string;
  query: string;
  /** The dotted path of the published list in the result (see csv-export.ts's planExport). */
  list: string;
  /** Each column's Chinese name, by its path in a row (the dictionary adds the schema's notes). */
  labels: Record<string, string>;
}

const KIND_COUNT = { kind: '组织类别代码', kindLabel: '组织类别', count: '数量' };
const FUNDING = { investmentFen: '投资（分）', subsidyFen: '奖补资金（分）' };

export const OPEN_DATASETS: readonly OpenDataset[] = [
  {
    name: 'organizations-by-kind',
    title: '党组织数量（按组织类别）',
    list: 'organizationStats.byKind',
    labels: KIND_COUNT,
    query:
      'query($root: ID!) { organizationStats(rootId: $root) { byKind { kind kindLabel count } } }',
  },
  {
    name: 'organizations-by-region',
    title: '党组织数量（按行政区划）',
    list: 'organizationStats.byRegion',
    labels: { regionCode: '行政区划代码', regionLabel: '行政区划', count: '数量' },
    query:
      'query($root: ID!) { organizationStats(rootId: $root) { byRegion { regionCode regionLabel count } } }',
  },
  {
    name: 'stations',
    title: '新就业群体服务站点及其服务',
    list: 'organization.stations',
    labels: {
      name: '站点名称',
      kindLabel: '站点类型',
      address: '地址',
      'location.longitude': '经度',
      'location.latitude': '纬度',
      serviceLabels: '服务项目',
      amenityLabels: '设施',
      statusLabel: '状态',
    },
    query: `query($root: ID!, $after: String) { organization(id: $root) {
      stations(includeSubtree: true, first: 100, after: $after) {
        edges { node { name kindLabel address location { longitude latitude } serviceLabels amenityLabels statusLabel } }
        pageInfo { hasNextPage endCursor } } } }`,
  },
  {
    name: 'station-visits-by-month',
    title: '站点服务人次（按月份、服务项目）',
    list: 'stationVisitStats.rows',
    labels: {
      month: '月份',
      service: '服务项目代码',
      serviceLabel: '服务项目',
      visits: '服务人次',
    },
    query: `query($root: ID!, $year: String!) {
      stationVisitStats(organizationId: $root, period: $year, groupBy: [MONTH, SERVICE]) {
        rows { month service serviceLabel visits } } }`,
  },
  {
    name: 'rural-funding-by-region',
    title: '乡村振兴资金（按行政区划，单位：分）',
    list: 'ruralFundingTotals.byRegion',
    labels: { regionCode: '行政区划代码', ...FUNDING },
    query:
      'query($root: ID!) { ruralFundingTotals(organizationId: $root) { byRegion { regionCode investmentFen subsidyFen } } }',
  },
  {
    name: 'rural-funding-by-year',
    title: '乡村振兴资金（按年度，单位：分）',
    list: 'ruralFundingTotals.byYear',
    labels: { year: '年度', ...FUNDING },
    query:
      'query($root: ID!) { ruralFundingTotals(organizationId: $root) { byYear { year investmentFen subsidyFen } } }',
  },
];

// Saved analyst queries, shown in the explorer's 示例查询 panel. One file, so that
// gateway/src/explorer-cookbook.spec.ts validates every query against the supergraph: a schema
// change that breaks one fails the unit tests instead of an analyst's morning.

export interface CookbookEntry {
  name: string;
  /** What the query answers, for the analyst (Chinese, as the schema's labels). */
  description: string;
  query: string;
  variables: Record<string, unknown>;
  /**
   * The organization the query is about, by its exact name: the panel looks its id up first
   * (ORGANIZATION_BY_NAME) and puts it into `variables.id`, because ids differ per deployment.
   */
  organizationName?: string;
}

/**
 * How an entry finds its organization: among those whose name contains the text, the one named
 * exactly so (a short name is contained in many: 运河区 in every branch of the district).
 */
export const ORGANIZATION_BY_NAME = `query OrganizationByName($n: String!) {
  organizations(first: 100, filter: { nameContains: $n }) { edges { node { id name } } }
}`;

export const COOKBOOK: readonly CookbookEntry[] = [
  {
    name: '按名称找组织',
    description: '按名称查找党组织：类别、上级、下级组织数',
    // Paged by $after with its pageInfo, so that 下载 CSV exports every match, not the first page.
    query: `query FindOrganization($n: String!, $after: String) {
  organizations(first: 20, after: $after, filter: { nameContains: $n }) {
    totalCount
    edges { node { id name kindLabel sectorLabel parent { name } descendantCount } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { n: '运河区' },
  },
  {
    name: '运河区 星级评定',
    description: '运河区各社区 2022 年第二季度的星级评定结果（评星、状态、公布时间）',
    organizationName: '中共沧州市运河区委员会',
    query: `query StarRatings($id: ID!) {
  starRatings(filter: { rootId: $id, period: "2022-Q2" }, first: 100) {
    totalCount
    edges { node { organization { name } period stars starsLabel statusLabel publishedAt } }
  }
}`,
    variables: {},
  },
  {
    name: '运河区 双报到',
    description: '运河区辖区内社区的双报到：报到单位与在职党员报到',
    organizationName: '中共沧州市运河区委员会',
    query: `query DoubleReporting($id: ID!) {
  organization(id: $id) {
    name
    reportingUnits(first: 50) {
      totalCount
      edges { node { kindLabel unit { name } community { name } since active } }
    }
    reportingMembers(first: 50) { totalCount edges { node { name organization { name } } } }
  }
}`,
    variables: {},
  },
  {
    name: '雄安 项目临时党支部',
    description: '雄安新区的建设项目及其临时党支部（项目党支部）',
    organizationName: '中共河北雄安新区工作委员会',
    query: `query TemporaryBranches($id: ID!) {
  organization(id: $id) {
    name
    descendants(filter: { kinds: [TEMPORARY_BRANCH] }, first: 100) {
      totalCount
      edges { node { name statusLabel parent { name } constructionProject { name statusLabel } } }
    }
  }
}`,
    variables: {},
  },
  {
    name: '雄安 企业信用加分',
    description: '2024 年第二季度各施工企业的党建信用加分（档次、加分、积分）',
    query: `query FirmBonuses {
  firmCreditBonuses(period: "2024-Q2") {
    firm { name } creditCode tierLabel bonusScore points announcedAt
  }
}`,
    variables: {},
  },
  {
    name: '运河区 党群服务站服务人次',
    description: '运河区党群服务站 2023 年按月、按服务项目的服务人次',
    organizationName: '中共沧州市运河区委员会',
    query: `query StationVisits($id: ID!) {
  stationVisitStats(organizationId: $id, period: "2023", groupBy: [MONTH, SERVICE]) {
    stations visits rows { month serviceLabel visits }
  }
}`,
    variables: {},
  },
  {
    name: '凌河区 书记项目',
    description: '凌河区的书记项目：年度、状态、书记与验收得分',
    organizationName: '中共锦州市凌河区委员会',
    query: `query SecretaryProjects($id: ID!) {
  secretaryProjects(organizationId: $id, first: 100) {
    totalCount
    edges { node { title year stateLabel organization { name } secretary { name } acceptanceScore } }
  }
}`,
    variables: {},
  },
  {
    name: '高密 服务日统计',
    description: '高密市 2023 年 3 月「德邻有约」服务日统计（服务、志愿者、受益人次、满意度）',
    organizationName: '中共高密市委员会',
    query: `query ServiceDays($id: ID!) {
  serviceDayStats(organizationId: $id, month: "2023-03") {
    daysHeld services volunteers beneficiaries averageSatisfaction problemsCollected problemsClosed
  }
}`,
    variables: {},
  },
  {
    name: '卢龙县 吹哨报到',
    description: '卢龙县 2024 年吹哨报到：分类、部门应答及按时率、满意率',
    organizationName: '中共秦皇岛市卢龙县委员会',
    query: `query Whistles($id: ID!) {
  whistleStats(organizationId: $id, period: "2024") {
    raised resolved whistled
    byCategory { categoryLabel whistled }
    byDepartment { department { name } addressed answered answeredOnTime onTimeRate }
    onTimeRate satisfiedRate
  }
}`,
    variables: {},
  },
];

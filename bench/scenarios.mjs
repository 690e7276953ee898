// The operations the benchmark times; each `prepare` finds its demo data through the graph.
const byName = async (ctx, name) => {
  const data = await ctx.send(
    'query($n: String!) { organizations(first: 1, filter: { nameContains: $n }) { edges { node { id } } } }',
    {
      n: name,
    },
  );
  const id = data.organizations.edges[0]?.node.id;
  if (!id) throw new Error(`demo organization ${name} not found: run npm start first`);
  return id;
};

export const scenarios = [
  {
    name: 'organization with 20 descendants (运河区)',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { organization(id: $id) { name descendants(first: 20) { totalCount edges { node { id name kindLabel parent { name } } } } } }`,
        variables: { id },
      };
    },
  },
  {
    name: 'ORG_ADMIN: organizations page of 100 in scope',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `{ organizations(first: 100) { totalCount edges { node { id name ancestors { name } } } } }`,
        variables: {},
        bearer: ctx.token('ORG_ADMIN', id),
      };
    },
  },
  {
    name: 'analyst: organizationStats of 运河区 (kinds, sectors, regions, stars)',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { organizationStats(rootId: $id) { totalCount communityCount byKind { kindLabel count } bySector { sectorLabel count } byRegion { regionCode count } starDistribution(periods: ["2022-Q2"]) { period fiveStar fourStar threeStar unrated } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    name: 'analyst: memberStats of 运河区 (status, gender, age, sector)',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID) { memberStats(organizationId: $id) { total byStatus { status count } byGender { gender count } byAgeBand { label count } bySector { label count } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    name: 'analyst: meetingCompliance of 运河区 2024-Q2 (summary, first 20 missing)',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { meetingCompliance(organizationId: $id, period: "2024-Q2") { summary { branches branchesMissing meetings attendanceRate byKind { kindLabel held branchesMissing } } branches(onlyMissing: true, first: 20) { totalCount edges { node { organization { name } missingLabels attendanceRate } } } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    // The peer of the row above: the same question for the committee over the district's unit
    // branches. Both read tallies by _id, so the district should cost what its larger answer
    // costs, not a scan of the meetings.
    name: 'analyst: meetingCompliance of 运河区直属机关工委 2024-Q2 (one committee)',
    async prepare(ctx) {
      const id = await byName(ctx, '运河区直属机关工委');
      return {
        query: `query($id: ID!) { meetingCompliance(organizationId: $id, period: "2024-Q2") { summary { branches branchesMissing meetings attendanceRate byKind { kindLabel held branchesMissing } } branches(onlyMissing: true, first: 20) { totalCount edges { node { organization { name } missingLabels attendanceRate } } } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    name: 'ORG_ADMIN: 100 members with their organizations',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { members(organizationId: $id, first: 100) { edges { node { id name statusLabel idNumber phone organization { id name kindLabel } } } } }`,
        variables: { id },
        bearer: ctx.token('ORG_ADMIN', id),
      };
    },
  },
  {
    name: "analyst: memberCount of 运河区's 6 streets (members × organizations)",
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { organization(id: $id) { children(first: 10) { edges { node { name memberCount } } } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    name: 'analyst: stationVisitStats of 运河区 2023 by month × service',
    async prepare(ctx) {
      const id = await byName(ctx, '中共沧州市运河区委员会');
      return {
        query: `query($id: ID!) { stationVisitStats(organizationId: $id, period: "2023", groupBy: [MONTH, SERVICE]) { stations visits rows { month serviceLabel visits } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    name: 'analyst: ruralFundingTotals of 雄安新区',
    async prepare(ctx) {
      const id = await byName(ctx, '中共河北雄安新区工作委员会');
      return {
        query: `query($id: ID) { ruralFundingTotals(organizationId: $id) { investmentFen subsidyFen projectCount villageCount byYear { year investmentFen } byKind { kindLabel investmentFen } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    // 吹哨报到's figures of the demo year (69 whistled): the county's month tallies by _id, the
    // departments' names through the organizations subgraph.
    name: 'analyst: whistleStats of 卢龙县 2024',
    async prepare(ctx) {
      const id = await byName(ctx, '中共秦皇岛市卢龙县委员会');
      return {
        query: `query($id: ID!) { whistleStats(organizationId: $id, period: "2024") { raised resolved whistled byCategory { categoryLabel whistled } byDepartment { department { name } addressed answered answeredOnTime onTimeRate } reports answered answeredOnTime onTimeRate evaluated satisfied satisfiedRate } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    // 党员联系户 of a street's 117 grids in a demo month: rosters and grid-month tallies by _id.
    name: 'analyst: householdContactStats of 水月寺街道 2024-03',
    async prepare(ctx) {
      const id = await byName(ctx, '水月寺街道党工委');
      return {
        query: `query($id: ID!) { householdContactStats(organizationId: $id, month: "2024-03") { totals { grids gridsCovered households covered visitedOnTime visitedLate members overdueMembers problemsFound problemsSolved } children { organization { name } } grids(first: 20) { totalCount } } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
  {
    // 德邻有约 of a city's 150 grid and compound branches in a demo month: the city's month tally
    // by _id (written at each day's sign-off), never the days.
    name: 'analyst: serviceDayStats of 高密市 2023-03',
    async prepare(ctx) {
      const id = await byName(ctx, '中共高密市委员会');
      return {
        query: `query($id: ID!) { serviceDayStats(organizationId: $id, month: "2023-03") { daysHeld services volunteers beneficiaries averageSatisfaction problemsCollected problemsClosed } }`,
        variables: { id },
        bearer: ctx.token('ANALYST', id),
      };
    },
  },
];

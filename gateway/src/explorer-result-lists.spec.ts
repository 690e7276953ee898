import { listPathsOf } from '../explorer/result-lists';

describe('listPathsOf', () => {
  it('names connections by their own path and plain lists by theirs, nested in objects', () => {
    const data = {
      organization: {
        name: '运河区委',
        members: { totalCount: 2, edges: [{ node: { name: '张伟' } }], pageInfo: {} },
        stats: { byStatus: [{ status: 'FULL', count: 2 }], total: 2 },
      },
      firmCreditBonuses: [],
    };
    expect(listPathsOf(data)).toEqual([
      'organization.members',
      'organization.stats.byStatus',
      'firmCreditBonuses',
    ]);
  });

  it('finds none in an empty or failed result', () => {
    expect(listPathsOf(null)).toEqual([]);
    expect(listPathsOf({ organization: null })).toEqual([]);
  });
});

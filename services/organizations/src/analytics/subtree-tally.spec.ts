import { Types } from 'mongoose';
import { byCount, emptyTally, tally, type TalliedNode } from './subtree-tally';

const node = (over: Partial<TalliedNode>): TalliedNode => ({
  _id: new Types.ObjectId(),
  kind: 'PARTY_COMMITTEE',
  sector: 'COMMUNITY',
  regionCode: '130903',
  status: 'ACTIVE',
  ...over,
});

describe('subtree tally', () => {
  it('counts active nodes each way and dissolved ones apart', () => {
    const community = node({});
    const nodes = [
      node({ kind: 'WORKING_COMMITTEE' }), // a street: COMMUNITY sector, not rated
      community,
      node({ kind: 'BRANCH', sector: 'GRID' }),
      node({ kind: 'GROUP', sector: 'BUILDING', regionCode: '130902' }),
      node({ status: 'DISSOLVED' }),
    ];
    const t = nodes.reduce(tally, emptyTally());
    expect(t.active).toBe(4);
    expect(t.dissolved).toBe(1);
    expect(byCount(t.bySector)).toEqual([
      ['COMMUNITY', 2],
      ['BUILDING', 1],
      ['GRID', 1],
    ]);
    expect(byCount(t.byRegion)).toEqual([
      ['130903', 3],
      ['130902', 1],
    ]);
    expect(t.communityIds).toEqual([community._id]);
  });
});

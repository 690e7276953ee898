import { Types } from 'mongoose';
import { orgProjectionGroup } from './org-projection.module';
import { scopedNode } from './org-projection.service';
import { pathOf } from './org-node.schema';

describe('org projection helpers', () => {
  const [province, city, district] = [1, 2, 3].map(() => new Types.ObjectId());

  it('puts the node after its ancestors in its path and in its scope', () => {
    const node = { _id: district, ancestorIds: [province, city] };
    expect(pathOf(node)).toEqual([province, city, district]);
    expect(scopedNode(node)).toEqual({
      id: String(district),
      ancestorIds: [String(province), String(city)],
    });
  });

  it('uses a consumer group per service unless a test run names its own', () => {
    expect(orgProjectionGroup('stations', {})).toBe('jiceng-stations-org-projection');
    expect(orgProjectionGroup('stations', { ORG_PROJECTION_GROUP: 'e2e-1' })).toBe('e2e-1');
  });
});

import { demoNodes } from './demo-tree';
import { centerHoursProblems } from '../service-center/opening-hours';
import { demoServiceCenters } from './service-centers-demo';
import { requiredFloorAreaSqm } from '../service-center/service-center.enums';

describe('demo service centres', () => {
  const centers = demoServiceCenters(demoNodes(), new Date('2023-06-30T00:00:00Z'));
  const below = (level: string) =>
    centers.filter(
      (c) => c.level === level && c.floorAreaSqm < (requiredFloorAreaSqm(c.kind, c.level) ?? 0),
    );

  it("covers 运河区's 6 streets and 73 communities, some below the area standard", () => {
    expect(centers.filter((c) => c.level === 'STREET')).toHaveLength(6);
    expect(centers.filter((c) => c.level === 'COMMUNITY')).toHaveLength(73);
    expect(below('STREET')).toHaveLength(1);
    expect(below('COMMUNITY').length).toBeGreaterThan(5);
    expect(below('COMMUNITY').length).toBeLessThan(20);
  });

  it('has valid opening hours everywhere', () => {
    expect(centers.flatMap((c) => centerHoursProblems(c.openingHours))).toEqual([]);
  });
});

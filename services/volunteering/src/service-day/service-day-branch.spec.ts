import { Types } from 'mongoose';
import { isServiceDayBranch, unitProblem } from './service-day-branch';

describe('service day branches and units', () => {
  it('holds days in grid and compound branches only', () => {
    expect(isServiceDayBranch({ sector: 'GRID' })).toBe(true);
    expect(isServiceDayBranch({ sector: 'RESIDENTIAL_COMPOUND' })).toBe(true);
    expect(isServiceDayBranch({ sector: 'COMMUNITY' })).toBe(false);
  });

  it('takes units of the branch county, never the branch itself', () => {
    const branch = { _id: new Types.ObjectId(), name: '网格', regionCode: '370785' };
    const unit = { _id: new Types.ObjectId(), name: '高密市人民医院党委', regionCode: '370785' };
    expect(unitProblem(unit, branch)).toBeUndefined();
    expect(unitProblem(branch, branch)).toBe('is the branch itself, not a unit');
    expect(unitProblem({ ...unit, regionCode: '370702' }, branch)).toBe(
      "is 高密市人民医院党委, outside the branch's county (370785)",
    );
  });
});

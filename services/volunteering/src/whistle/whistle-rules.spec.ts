import { countyOf, departmentProblem, isCountyCode, townshipOf } from './whistle-rules';

const node = (id: string, kind: string, sector: string, regionCode = '130324') => ({
  _id: id,
  name: id,
  kind,
  sector,
  regionCode,
});
const province = node('河北省委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130000');
const city = node('秦皇岛市委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130300');
const county = node('卢龙县委', 'PARTY_COMMITTEE', 'STATE_ORGAN');
const township = node('卢龙镇党委', 'PARTY_COMMITTEE', 'VILLAGE');
const street = node('水月寺街道党工委', 'WORKING_COMMITTEE', 'COMMUNITY', '130903');
const generalBranch = node('东关村党总支', 'GENERAL_BRANCH', 'VILLAGE');

describe('吹哨报到 parties', () => {
  it("finds a village's township and a community's street", () => {
    expect(townshipOf([province, city, county, township])).toBe(township);
    expect(townshipOf([province, street])).toBe(street);
  });

  it('skips a village general branch between the village and its township', () => {
    expect(townshipOf([province, city, county, township, generalBranch])).toBe(township);
  });

  it('finds no township above a community hung directly below a district, or below a branch', () => {
    expect(townshipOf([province, city, county])).toBeNull();
    expect(townshipOf([county, node('x', 'BRANCH', 'VILLAGE')])).toBeNull();
  });

  it("finds the township's county by its county-level region code", () => {
    expect(countyOf([province, city, county])).toBe(county);
    expect(countyOf([province, city])).toBeNull();
    expect(isCountyCode('130324')).toBe(true);
    expect(isCountyCode('130300')).toBe(false);
    expect(isCountyCode('130000')).toBe(false);
  });

  it('takes 机关 and 事业单位 organizations below the county as departments, nothing else', () => {
    const below = (kind: string, sector: string, ancestors: string[]) => ({
      ...node('d', kind, sector),
      ancestorIds: ancestors,
    });
    expect(departmentProblem(below('BRANCH', 'STATE_ORGAN', ['卢龙县委']), county)).toBeNull();
    expect(
      departmentProblem(below('GENERAL_BRANCH', 'PUBLIC_INSTITUTION', ['卢龙县委']), county),
    ).toBeNull();
    expect(departmentProblem(below('BRANCH', 'STATE_ORGAN', ['昌黎县委']), county)).toMatch(
      /outside 卢龙县委/,
    );
    expect(
      departmentProblem(below('BRANCH', 'NON_PUBLIC_ENTERPRISE', ['卢龙县委']), county),
    ).toMatch(/not a department/);
  });
});

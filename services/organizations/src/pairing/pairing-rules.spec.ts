import { changeDateProblem, pairingKindProblem, type PartyFacts } from './pairing-rules';

const village: PartyFacts = { sector: 'VILLAGE', regionCode: '130632' };
const enterprise: PartyFacts = { sector: 'NON_PUBLIC_ENTERPRISE', regionCode: '130632' };
const soe: PartyFacts = { sector: 'SOE', regionCode: '130632' };
const community: PartyFacts = { sector: 'COMMUNITY', regionCode: '130903' };
const unit: PartyFacts = { sector: 'STATE_ORGAN', regionCode: '130903' };
const weifangVillage: PartyFacts = { sector: 'VILLAGE', regionCode: '370783' };

describe('pairing kinds', () => {
  it('accepts parties that fit the kind', () => {
    expect(pairingKindProblem('VILLAGE_ENTERPRISE', [village, enterprise])).toBeNull();
    expect(pairingKindProblem('COMMUNITY_ENTERPRISE', [enterprise, community])).toBeNull();
    expect(pairingKindProblem('GOVERNMENT_ENTERPRISE', [unit, soe])).toBeNull();
    expect(pairingKindProblem('SOE', [soe, village])).toBeNull();
    expect(pairingKindProblem('COMMUNITY_UNIT', [community, unit, unit])).toBeNull();
    expect(pairingKindProblem('CROSS_PROVINCE', [village, weifangVillage])).toBeNull();
  });

  it('names what is missing', () => {
    expect(pairingKindProblem('VILLAGE_ENTERPRISE', [village, community])).toMatch(/enterprise/);
    expect(pairingKindProblem('SOE', [village, enterprise])).toMatch(/state-owned/);
    expect(pairingKindProblem('COMMUNITY_UNIT', [unit, community])).toMatch(/led by a community/);
    expect(pairingKindProblem('CROSS_PROVINCE', [village, enterprise])).toMatch(/two provinces/);
  });
});

describe('joint project changes', () => {
  it('dates changes in order and not in the future', () => {
    const now = new Date('2023-06-20T08:00:00Z');
    const previous = new Date('2023-05-01T00:00:00Z');
    expect(changeDateProblem(new Date('2023-06-01T00:00:00Z'), previous, now)).toBeNull();
    expect(changeDateProblem(previous, previous, now)).toBeNull();
    expect(changeDateProblem(new Date('2023-04-30T00:00:00Z'), previous, now)).toMatch(/before/);
    expect(changeDateProblem(new Date('2023-06-21T00:00:00Z'), previous, now)).toMatch(/future/);
    expect(changeDateProblem(new Date(now.getTime() + 60_000), undefined, now)).toBeNull();
  });
});

import { Types } from 'mongoose';
import { addProject, emptyTotals, fundingSums, totalsByPairing } from './funding-totals';

describe('pairing totals', () => {
  const pairing = new Types.ObjectId();
  const other = new Types.ObjectId();

  it('splits investments from subsidies', () => {
    expect(
      fundingSums([
        { type: 'INVESTMENT', amountFen: 2_180_000_000 },
        { type: 'SUBSIDY', amountFen: 5 },
        { type: 'INVESTMENT', amountFen: 1 },
      ]),
    ).toEqual({ investmentFen: 2_180_000_001, subsidyFen: 5 });
  });

  it('adds projects per pairing, areas exactly to the hundredth of a 亩', () => {
    const totals = totalsByPairing(
      [String(pairing), String(other), 'none'],
      [
        { pairingId: pairing, areaMu: 0.1, fundings: [{ type: 'INVESTMENT', amountFen: 100 }] },
        { pairingId: pairing, areaMu: 0.2, fundings: [{ type: 'SUBSIDY', amountFen: 7 }] },
        { pairingId: other, areaMu: 1300, fundings: [] },
      ],
    );
    expect(totals.get(String(pairing))).toEqual({
      projects: 2,
      areaMu: 0.3,
      investmentFen: 100,
      subsidyFen: 7,
    });
    expect(totals.get(String(other))?.areaMu).toBe(1300);
    expect(totals.get('none')).toEqual(emptyTotals());
  });

  it('folds a list of projects into one total', () => {
    const projects = [
      { areaMu: 180, fundings: [{ type: 'INVESTMENT' as const, amountFen: 300 }] },
      { areaMu: 175, fundings: [{ type: 'INVESTMENT' as const, amountFen: 290 }] },
    ];
    expect(projects.reduce(addProject, emptyTotals())).toEqual({
      projects: 2,
      areaMu: 355,
      investmentFen: 590,
      subsidyFen: 0,
    });
  });
});

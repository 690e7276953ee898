import type { Types } from 'mongoose';
import type { RuralFunding } from './project.schema';

export interface FundingSums {
  investmentFen: number;
  subsidyFen: number;
}

/** Investments and subsidies of a list of fundings, in whole fen. */
export function fundingSums(
  fundings: readonly Pick<RuralFunding, 'type' | 'amountFen'>[],
): FundingSums {
  const sums: FundingSums = { investmentFen: 0, subsidyFen: 0 };
  for (const f of fundings) {
    if (f.type === 'INVESTMENT') sums.investmentFen += f.amountFen;
    else sums.subsidyFen += f.amountFen;
  }
  return sums;
}

export interface PairingTotals extends FundingSums {
  projects: number;
  areaMu: number;
}

type PairedProject = {
  pairingId: Types.ObjectId | null;
  areaMu: number;
  fundings: Pick<RuralFunding, 'type' | 'amountFen'>[];
};

export const emptyTotals = (): PairingTotals => ({
  projects: 0,
  areaMu: 0,
  investmentFen: 0,
  subsidyFen: 0,
});

/** Adds a project's area and money to totals; areas are summed in hundredths to stay exact. */
export function addProject(totals: PairingTotals, project: Omit<PairedProject, 'pairingId'>) {
  const sums = fundingSums(project.fundings);
  totals.projects += 1;
  totals.areaMu = Math.round(totals.areaMu * 100 + project.areaMu * 100) / 100;
  totals.investmentFen += sums.investmentFen;
  totals.subsidyFen += sums.subsidyFen;
  return totals;
}

/** Totals per pairing id, for every id asked (zero when a pairing has no project yet). */
export function totalsByPairing(
  pairingIds: readonly string[],
  projects: readonly PairedProject[],
): Map<string, PairingTotals> {
  const totals = new Map(pairingIds.map((id) => [id, emptyTotals()]));
  for (const project of projects) {
    const entry = totals.get(String(project.pairingId));
    if (entry) addProject(entry, project);
  }
  return totals;
}

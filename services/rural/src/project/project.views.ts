import { RURAL_FUNDING_TYPE_LABELS } from './project.enums';
import { RURAL_PROJECT_STEPS } from './rural-project-steps';
import type {
  CollectiveIncome,
  RuralFunding,
  RuralMilestone,
  RuralStatusChange,
} from './project.schema';

// The embedded records as GraphQL shows them: ids as strings, organizations as references.
export const fundingView = (f: RuralFunding) => ({
  ...f,
  id: String(f._id),
  typeLabel: RURAL_FUNDING_TYPE_LABELS[f.type],
  villageId: String(f.villageId),
});

export const incomeView = (i: CollectiveIncome) => ({ ...i, villageId: String(i.villageId) });

export const milestoneView = (m: RuralMilestone) => ({ ...m, id: String(m._id) });

export const statusChangeView = (c: RuralStatusChange) => ({
  ...c,
  statusLabel: RURAL_PROJECT_STEPS.labels[c.status],
});

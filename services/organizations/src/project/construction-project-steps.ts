import { defineSteps } from '@jiceng/workflow';

// A project only moves forward: it is planned, built, then completed. Steps are named by the
// status they lead to (updateConstructionProject sets the status).
export const CONSTRUCTION_PROJECT_STEPS = defineSteps(
  'project',
  { PLANNED: '规划中', UNDER_CONSTRUCTION: '在建', COMPLETED: '已竣工' },
  {
    UNDER_CONSTRUCTION: { from: 'PLANNED', to: 'UNDER_CONSTRUCTION', label: '开工 (start)' },
    COMPLETED: { from: 'UNDER_CONSTRUCTION', to: 'COMPLETED', label: '竣工 (completion)' },
  },
);
export const PROJECT_STATUS_LABELS = CONSTRUCTION_PROJECT_STEPS.labels;
export type ProjectStatus = (typeof CONSTRUCTION_PROJECT_STEPS.states)[number];
export const PROJECT_STATUSES = CONSTRUCTION_PROJECT_STEPS.states;

/** Why the project cannot move from `from` to `to`, or null when it can. */
export function projectStatusProblem(from: ProjectStatus, to: ProjectStatus): string | null {
  if (to === 'PLANNED')
    return `The project cannot go back to ${CONSTRUCTION_PROJECT_STEPS.describe(to)}`;
  return CONSTRUCTION_PROJECT_STEPS.stepProblem(from, to);
}

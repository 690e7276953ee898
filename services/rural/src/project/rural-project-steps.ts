import { defineSteps } from '@jiceng/workflow';

// A project moves forward one status at a time; steps are named by the status they lead to
// (advanceRuralProjectStatus names it).
export const RURAL_PROJECT_STEPS = defineSteps(
  'rural project',
  { PLANNED: '筹备中', IN_PROGRESS: '实施中', COMPLETED: '已建成' },
  {
    IN_PROGRESS: { from: 'PLANNED', to: 'IN_PROGRESS', label: '开工 (start)' },
    COMPLETED: { from: 'IN_PROGRESS', to: 'COMPLETED', label: '建成 (completion)' },
  },
);
export type RuralProjectStatus = (typeof RURAL_PROJECT_STEPS.states)[number];
export type RuralProjectStep = keyof typeof RURAL_PROJECT_STEPS.steps;
export const isRuralProjectStep = (to: RuralProjectStatus): to is RuralProjectStep =>
  to in RURAL_PROJECT_STEPS.steps;

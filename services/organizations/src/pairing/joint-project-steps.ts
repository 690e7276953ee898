import { defineSteps } from '@jiceng/workflow';
import { JOINT_PROJECT_STATUS_LABELS, type JointProjectStatus } from './pairing.enums';

// A joint project is planned, carried out and completed; it may be cancelled until it is done.
// Steps are named by the status they lead to (changeJointProjectStatus names it).
export const JOINT_PROJECT_STEPS = defineSteps('joint project', JOINT_PROJECT_STATUS_LABELS, {
  IN_PROGRESS: { from: 'PLANNED', to: 'IN_PROGRESS', label: '实施 (start)' },
  COMPLETED: { from: 'IN_PROGRESS', to: 'COMPLETED', label: '完成 (completion)' },
  CANCELLED: { from: ['PLANNED', 'IN_PROGRESS'], to: 'CANCELLED', label: '取消 (cancellation)' },
});

/** Why a joint project cannot move from `from` to `to`, or null when it can. */
export function jointProjectStatusProblem(
  from: JointProjectStatus,
  to: JointProjectStatus,
): string | null {
  if (to === 'PLANNED')
    return `A joint project cannot go back to ${JOINT_PROJECT_STEPS.describe(to)}`;
  return JOINT_PROJECT_STEPS.stepProblem(from, to);
}

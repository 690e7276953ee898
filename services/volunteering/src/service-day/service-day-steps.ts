import { defineSteps } from '@jiceng/workflow';

// A 德邻有约 service day: planned by its grid or compound branch, held on the 5th, its record
// (services, volunteers, beneficiaries, satisfaction) signed off by the branch; a signed-off
// record is final ("作为对服务项目规划调整、志愿者表彰的重要依据"). Only a planned day is cancelled.
export const SERVICE_DAY_STEPS = defineSteps(
  'service day',
  {
    PLANNED: '已计划',
    HELD: '已举办',
    SIGNED_OFF: '已签字确认',
    CANCELLED: '已取消',
  },
  {
    hold: { from: 'PLANNED', to: 'HELD', label: '举办 (hold)' },
    signOff: { from: 'HELD', to: 'SIGNED_OFF', label: '签字确认 (sign off)' },
    cancel: { from: 'PLANNED', to: 'CANCELLED', label: '取消 (cancel)' },
  },
);

export type ServiceDayState = (typeof SERVICE_DAY_STEPS.states)[number];
export type ServiceDayStep = keyof typeof SERVICE_DAY_STEPS.steps;

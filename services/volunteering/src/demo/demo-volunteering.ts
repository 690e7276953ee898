// The demo's volunteering data for 运河区, generated deterministically from the communities, units
// and members the projections know: "社区共发布…各类志愿服务任务220余项", "机关单位党组织20余个次、
// 在职党员1150余人次参与认领", "微心愿近80个，已完成50余个"; and 高密's 群众诉求 "1320件, 办结率99.86%,
// 满意度95.29%" (its service days are demo-service-days.ts). Pure functions: the loader
// (seed-demo.ts) reads and writes.
import type { DemoData, DemoInput } from './demo-kit';
import { serviceRequests } from './demo-requests';
import { tasksAndClaims } from './demo-tasks';
import { microWishes } from './demo-wishes';

export {
  DEMO_TASKS,
  demoId,
  type DemoCommunity,
  type DemoInput,
  type DemoMember,
} from './demo-kit';
export { demoTaskIds } from './demo-tasks';

export function demoVolunteering(input: DemoInput): DemoData {
  if (!input.communities.length)
    throw new Error('no communities to load volunteering demo data for');
  return { ...tasksAndClaims(input), wishes: microWishes(input), requests: serviceRequests(input) };
}

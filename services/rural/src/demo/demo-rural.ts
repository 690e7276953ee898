// The rural demo, generated deterministically from the organizations the projection knows. Pure
// functions: the loader (seed-demo.ts) reads and writes.
import type { DemoInput } from './demo-kit';
import { contests, fundDemo } from './demo-contest-fund';
import { commitmentSheets, secretaryProjects } from './demo-programs';
import { ruralProjects } from './demo-projects';

export function demoRural(input: DemoInput) {
  const { fund, applications } = fundDemo(input);
  return {
    ...ruralProjects(input),
    secretaryProjects: secretaryProjects(input),
    commitmentSheets: commitmentSheets(input),
    contests: contests(input),
    funds: [fund],
    fundApplications: applications,
  };
}

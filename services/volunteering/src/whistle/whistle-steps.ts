// 吹哨报到, 卢龙县's five steps: 哨声形成 (the village raises the problem) → 镇级研判 (the township
// judges: resolves it itself, or) → 吹哨 (blows the whistle to departments) → 部门报到 (each
// department accepts, acts and answers) → 反馈评价 (the village evaluates).
import { defineSteps } from '@jiceng/workflow';

/** The problem's own states. */
export const WHISTLE_STEPS = defineSteps(
  'whistle',
  {
    RAISED: '哨声形成',
    RESOLVED: '镇级解决',
    WHISTLED: '已吹哨',
    REPORTED: '部门报到',
    EVALUATED: '反馈评价',
  },
  {
    resolve: { from: 'RAISED', to: 'RESOLVED', label: '镇级研判 (the township resolving it)' },
    whistle: { from: 'RAISED', to: 'WHISTLED', label: '吹哨 (whistling departments)' },
    // Taken inside the last department's answer (see WhistleService.reportStep), never alone.
    complete: { from: 'WHISTLED', to: 'REPORTED', label: '部门报到 (every department answered)' },
    evaluate: {
      from: ['RESOLVED', 'REPORTED'],
      to: 'EVALUATED',
      label: '反馈评价 (evaluation)',
    },
  },
);
export type WhistleState = (typeof WHISTLE_STEPS.states)[number];
export type WhistleStep = keyof typeof WHISTLE_STEPS.steps;

/** One whistled department's report (报到): accepted, acted on, answered. */
export const WHISTLE_REPORT_STEPS = defineSteps(
  'report',
  {
    ADDRESSED: '待报到',
    ACCEPTED: '已报到',
    ACTING: '办理中',
    ANSWERED: '已答复',
  },
  {
    accept: { from: 'ADDRESSED', to: 'ACCEPTED', label: '报到 (acceptance)' },
    act: { from: 'ACCEPTED', to: 'ACTING', label: '办理 (action)' },
    answer: { from: 'ACTING', to: 'ANSWERED', label: '答复 (answer)' },
  },
);
export type WhistleReportState = (typeof WHISTLE_REPORT_STEPS.states)[number];
export type WhistleReportStep = keyof typeof WHISTLE_REPORT_STEPS.steps;

/**
 * A report is overdue when it is not answered by the end of its due date: still open with `now`
 * past the due instant, or answered after it.
 */
export function isReportOverdue(
  report: { dueAt: Date; answeredAt?: Date | null },
  now: Date,
): boolean {
  return (report.answeredAt ?? now).getTime() > report.dueAt.getTime();
}

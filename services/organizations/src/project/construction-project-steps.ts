export const PROJECT_STATUS_LABELS = {
  PLANNED: '规划中',
  UNDER_CONSTRUCTION: '在建',
  COMPLETED: '已竣工',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS_LABELS;
export const PROJECT_STATUSES = Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[];

// A project only moves forward: it is planned, built, then completed.
const NEXT_STATUSES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  PLANNED: ['UNDER_CONSTRUCTION'],
  UNDER_CONSTRUCTION: ['COMPLETED'],
  COMPLETED: [],
};

export function canChangeProjectStatus(from: ProjectStatus, to: ProjectStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

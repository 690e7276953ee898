import { canChangeProjectStatus } from './project.enums';

describe('construction project status', () => {
  it('moves forward one step at a time', () => {
    expect(canChangeProjectStatus('PLANNED', 'UNDER_CONSTRUCTION')).toBe(true);
    expect(canChangeProjectStatus('UNDER_CONSTRUCTION', 'COMPLETED')).toBe(true);
  });

  it('never skips construction, goes back or leaves completion', () => {
    expect(canChangeProjectStatus('PLANNED', 'COMPLETED')).toBe(false);
    expect(canChangeProjectStatus('UNDER_CONSTRUCTION', 'PLANNED')).toBe(false);
    expect(canChangeProjectStatus('COMPLETED', 'UNDER_CONSTRUCTION')).toBe(false);
    expect(canChangeProjectStatus('COMPLETED', 'COMPLETED')).toBe(false);
  });
});

import { dirname } from 'node:path';
import { COMMON_SDL_PATH } from '@jiceng/graphql';
import { describeEnumSources } from '@jiceng/testing';
import { isoWeekdayOf, WEEKDAYS, WEEKDAY_LABELS } from './weekday';

// Every subgraph loads common.graphql, whose `Weekday` enum has this library's list as its TS copy.
describeEnumSources('common SDL', dirname(COMMON_SDL_PATH), {
  sources: { Weekday: { values: WEEKDAYS, labels: WEEKDAY_LABELS } },
});

describe('isoWeekdayOf', () => {
  it('numbers Monday 1 and Sunday 7', () => {
    expect(isoWeekdayOf('MONDAY')).toBe(1);
    expect(isoWeekdayOf('SUNDAY')).toBe(7);
  });
});

import { scheduleAnnouncement } from './tier-settling';

const settling = { quietMs: 60_000, longestWaitMs: 600_000 };
const at = (seconds: number) => new Date(Date.UTC(2024, 3, 8) + seconds * 1000);

describe('scheduleAnnouncement', () => {
  it('announces a first tier once the points have been still for the quiet period', () => {
    expect(
      scheduleAnnouncement({ announcedTier: null, pendingSince: null }, 'C', at(0), settling),
    ).toEqual({ pendingSince: at(0), settleAt: at(60) });
  });

  it('moves the announcement on with every change, up to the longest wait', () => {
    const pending = { announcedTier: null, pendingSince: at(0) };
    expect(scheduleAnnouncement(pending, 'B', at(50), settling)).toEqual({
      pendingSince: at(0),
      settleAt: at(110),
    });
    expect(scheduleAnnouncement(pending, 'A', at(590), settling)).toEqual({
      pendingSince: at(0),
      settleAt: at(600),
    });
  });

  it('schedules nothing for the announced tier, and NONE when nothing was announced', () => {
    expect(
      scheduleAnnouncement({ announcedTier: 'B', pendingSince: at(0) }, 'B', at(30), settling),
    ).toBeNull();
    expect(
      scheduleAnnouncement({ announcedTier: null, pendingSince: null }, 'NONE', at(0), settling),
    ).toBeNull();
  });

  it('announces a fall below every tier as NONE', () => {
    expect(
      scheduleAnnouncement({ announcedTier: 'C', pendingSince: null }, 'NONE', at(0), settling),
    ).toEqual({ pendingSince: at(0), settleAt: at(60) });
  });
});

import { summarizeServiceRequests, type StatsRow } from './service-request-stats';

const now = new Date('2023-07-15T00:00:00Z');
const due = new Date('2023-06-10T16:00:00Z');
const onTime = new Date('2023-06-09T08:00:00Z');
const late = new Date('2023-06-12T08:00:00Z');

describe('service request statistics', () => {
  it("reproduces the report's figures: 1320 accepted, 99.85% closed, 95.29% satisfied", () => {
    const rows: StatsRow[] = Array.from({ length: 1320 }, (_, i) => ({
      dueAt: due,
      closedAt: i < 1318 ? (i < 1300 ? onTime : late) : null,
      satisfaction:
        i < 1317
          ? i < 1255
            ? i % 3
              ? 'SATISFIED'
              : 'BASICALLY_SATISFIED'
            : 'DISSATISFIED'
          : null,
    }));
    expect(summarizeServiceRequests(rows, now)).toEqual({
      accepted: 1320,
      closed: 1318,
      open: 2,
      evaluated: 1317,
      satisfied: 1255,
      overdue: 20, // 18 closed late, 2 still open past the due date
      closedRate: 0.9985,
      satisfiedRate: 0.9529,
      overdueRate: 0.0152,
    });
  });

  it('reports zero rates for an empty period', () => {
    expect(summarizeServiceRequests([], now)).toMatchObject({
      accepted: 0,
      closedRate: 0,
      satisfiedRate: 0,
    });
  });
});

import { inputScalar } from './input-scalar';

// ISO 8601 as clients send it: a date-time with an offset or Z (one instant wherever it is read),
// or a bare date, read as midnight UTC. Date's own parser alone would take "June 5" or "5".
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

const valid = (date: Date) => (Number.isNaN(date.getTime()) ? undefined : date);

function parseDateTime(value: unknown): Date | undefined {
  return typeof value === 'string' && ISO_8601.test(value) ? valid(new Date(value)) : undefined;
}

// Outputs are whatever the service stored: a Date, or a string Date reads.
function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return valid(value);
  return typeof value === 'string' ? valid(new Date(value)) : undefined;
}

/** An instant, serialized as ISO 8601 in UTC. */
export const DateTimeScalar = inputScalar<Date>({
  name: 'DateTime',
  description: 'An instant in ISO 8601, UTC (e.g. 2023-06-05T08:00:00.000Z).',
  invalidMessage: 'must be an ISO 8601 date-time, e.g. 2023-06-05T08:00:00Z',
  parse: parseDateTime,
  serialize: (value) => {
    const date = toDate(value);
    if (!date) throw new Error(`${String(value)} is not a DateTime`);
    return date.toISOString();
  },
});

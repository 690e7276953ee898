import { GraphQLError } from 'graphql';
import { badUserInput, maskError, timedOut } from './errors';
import { decodeCursor, encodeCursor, pageSize } from './pagination';

describe('error masking', () => {
  it('keeps client errors with their code and drops stack traces', () => {
    const error = badUserInput([{ field: 'input.name', message: 'is too short' }]);
    const masked = maskError(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } },
      error,
      () => undefined,
    );
    expect(masked).toEqual({
      message: 'Invalid input: input.name: is too short',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.name', message: 'is too short' }],
      },
    });
  });

  it('passes TIMEOUT on with its message (the gateway relays a subgraph timeout as is)', () => {
    const error = timedOut();
    const masked = maskError({ message: error.message, extensions: error.extensions }, error);
    expect(masked).toEqual({
      message: expect.stringMatching(/^The read took too long.*narrow the query/),
      extensions: { code: 'TIMEOUT' },
    });
  });

  it("answers Apollo's codeless 4xx request errors as BAD_REQUEST, message kept", () => {
    const error = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400 } },
    });
    const formatted = { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(maskError(formatted, error, () => undefined)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR and logs it', () => {
    const logged: unknown[] = [];
    const boom = new Error('connection string mongodb://secret@host');
    const masked = maskError(
      {
        message: boom.message,
        path: ['x'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['s'] },
      },
      boom,
      (e) => logged.push(e),
    );
    expect(masked).toEqual({
      message: 'Internal server error',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([boom]);
    expect(maskError({ message: 'x' }, new GraphQLError('x'), () => undefined).message).toBe(
      'Internal server error',
    );
  });
});

describe('pagination arguments', () => {
  it('round-trips cursors and rejects foreign ones as BAD_USER_INPUT on `after`', () => {
    const id = '6b02d8672a6584f6ec021221';
    expect(String(decodeCursor(encodeCursor(id)))).toBe(id);
    expect(() => decodeCursor('bm9wZQ')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/between 1 and 100/);
  });
});

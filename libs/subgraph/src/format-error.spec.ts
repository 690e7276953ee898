import { GraphQLError } from 'graphql';
import { mongo } from 'mongoose';
import { formatSubgraphError } from './format-error';

// What Apollo hands formatError for a resolver that threw: the thrown error wrapped with the path.
function resolverError(thrown: Error, path = ['memberStats']) {
  const error = new GraphQLError(thrown.message, { path, originalError: thrown });
  const formatted = {
    message: error.message,
    path,
    locations: [{ line: 1, column: 3 }],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at aggregate'] },
  };
  return { formatted, error };
}

const TIMEOUT = {
  message: expect.stringMatching(/^The read took too long.*narrow the query/),
  path: ['memberStats'],
  locations: [{ line: 1, column: 3 }],
  extensions: { code: 'TIMEOUT' },
};

describe('formatSubgraphError', () => {
  const logged: string[] = [];
  const log = (message: string) => void logged.push(message);
  beforeEach(() => (logged.length = 0));

  it("maps MongoDB's MaxTimeMSExpired (code 50) to TIMEOUT without internals", () => {
    const expired = new mongo.MongoServerError({
      ok: 0,
      code: 50,
      codeName: 'MaxTimeMSExpired',
      errmsg: 'operation exceeded time limit',
    });
    const { formatted, error } = resolverError(expired);
    const result = formatSubgraphError(formatted, error, log);
    expect(result).toEqual(TIMEOUT);
    expect(JSON.stringify(result)).not.toMatch(/exceeded|Mongo|stacktrace/);
    expect(logged).toEqual(['read stopped at its time limit in memberStats']);
  });

  it('recognises the code name alone, and an error thrown outside a resolver', () => {
    const byName = Object.assign(new Error('x'), { codeName: 'MaxTimeMSExpired' });
    const { formatted, error } = resolverError(byName);
    expect(formatSubgraphError(formatted, error, log)).toEqual(TIMEOUT);
    expect(formatSubgraphError({ message: 'x' }, { code: 50 }, log).extensions).toEqual({
      code: 'TIMEOUT',
    });
  });

  it('leaves other Mongo errors to maskError (INTERNAL_SERVER_ERROR) and client errors alone', () => {
    const other = new mongo.MongoServerError({ ok: 0, code: 2, errmsg: 'bad value' });
    const { formatted, error } = resolverError(other);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(formatSubgraphError(formatted, error, log)).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(errors).toHaveBeenCalledWith(error);
    } finally {
      errors.mockRestore();
    }
    const notFound = new GraphQLError('Organization x was not found', {
      extensions: { code: 'NOT_FOUND' },
    });
    expect(
      formatSubgraphError({ message: notFound.message, extensions: notFound.extensions }, notFound),
    ).toEqual({ message: 'Organization x was not found', extensions: { code: 'NOT_FOUND' } });
    expect(logged).toEqual([]);
  });
});

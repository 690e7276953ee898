import { mongoClientOptions, mongoSettingsFromEnv } from './mongo-options';
import { isReadTimeoutError } from './read-timeout';

describe('Mongo settings', () => {
  it('defaults to a 30 s read timeout and 20 connections, and refuses nonsense', () => {
    expect(mongoSettingsFromEnv({})).toEqual({ readTimeoutMs: 30_000, maxPoolSize: 20 });
    expect(
      mongoSettingsFromEnv({ MONGO_READ_TIMEOUT_MS: '500', MONGO_MAX_POOL_SIZE: '5' }),
    ).toEqual({ readTimeoutMs: 500, maxPoolSize: 5 });
    for (const bad of ['0', '-1', '1.5', 'soon']) {
      expect(() => mongoSettingsFromEnv({ MONGO_READ_TIMEOUT_MS: bad })).toThrow(
        /MONGO_READ_TIMEOUT_MS must be a whole number at least 1/,
      );
    }
  });

  it.each([1_000, 30_000, 300_000])(
    'lets a read cut at %i ms come back from the server before any socket or monitor gives up',
    (readTimeoutMs) => {
      const options = mongoClientOptions({ readTimeoutMs, maxPoolSize: 20 });
      expect(options.socketTimeoutMS).toBeGreaterThan(readTimeoutMs);
      expect(options.connectTimeoutMS).toBeGreaterThan(readTimeoutMs);
      expect(options.minPoolSize).toBeLessThanOrEqual(options.maxPoolSize!);
    },
  );

  it('keeps the minimum pool within a tiny maximum', () => {
    expect(mongoClientOptions({ readTimeoutMs: 1_000, maxPoolSize: 1 }).minPoolSize).toBe(1);
  });
});

describe('isReadTimeoutError', () => {
  it("recognises MongoDB's MaxTimeMSExpired by code or code name, nothing else", () => {
    expect(isReadTimeoutError({ code: 50 })).toBe(true);
    expect(isReadTimeoutError({ codeName: 'MaxTimeMSExpired' })).toBe(true);
    expect(isReadTimeoutError({ code: 11000 })).toBe(false);
    expect(isReadTimeoutError(new Error('operation exceeded time limit'))).toBe(false);
    expect(isReadTimeoutError(undefined)).toBe(false);
  });
});

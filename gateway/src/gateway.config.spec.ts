import { gatewayConfigFromEnv } from './gateway.config';

describe('gatewayConfigFromEnv: the explorer', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'config-spec-jwt-secret-of-enough-length-0123456789',
    CLAIMS_SECRET: 'config-spec-claims-secret-of-enough-length-0123456789',
  };

  it('is on outside production', () => {
    expect(gatewayConfigFromEnv({}).explorer).toBe(true);
  });

  it('is off in production unless EXPLORER=1', () => {
    expect(gatewayConfigFromEnv(production).explorer).toBe(false);
    expect(gatewayConfigFromEnv({ ...production, EXPLORER: '0' }).explorer).toBe(false);
    expect(gatewayConfigFromEnv({ ...production, EXPLORER: '1' }).explorer).toBe(true);
  });
});

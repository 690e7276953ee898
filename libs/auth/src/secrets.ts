// Development defaults keep `npm start` to one command; production must set both (see env checks).
const DEV_JWT_SECRET = 'jiceng-dev-jwt-secret-change-me';
const DEV_CLAIMS_SECRET = 'jiceng-dev-claims-secret-change-me';

function secretFromEnv(name: string, devDefault: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value) return value;
  if (env.NODE_ENV === 'production') throw new Error(`${name} must be set in production`);
  return devDefault;
}

export const jwtSecretFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  secretFromEnv('JWT_SECRET', DEV_JWT_SECRET, env);
export const claimsSecretFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  secretFromEnv('CLAIMS_SECRET', DEV_CLAIMS_SECRET, env);

import { readSettings, secret } from '@jiceng/config';

// Development values keep `npm start` to one command; production must set both.
export const AUTH_SETTINGS = {
  jwtSecret: secret(
    'JWT_SECRET',
    'jiceng-dev-jwt-secret-change-me',
    'HS256 key of the tokens the gateway verifies',
  ),
  claimsSecret: secret(
    'CLAIMS_SECRET',
    'jiceng-dev-claims-secret-change-me',
    'HMAC key of the claims the gateway signs for the subgraphs',
  ),
};

export const jwtSecretFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings({ jwtSecret: AUTH_SETTINGS.jwtSecret }, env).jwtSecret;
export const claimsSecretFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings({ claimsSecret: AUTH_SETTINGS.claimsSecret }, env).claimsSecret;

import { createHash } from 'node:crypto';
import { SettingProblem, type Setting } from '@jiceng/config';

// Personal-data keys (env):
//   PII_KEYS           `kid1:<base64 32 bytes>,kid2:<base64 32 bytes>`: every key that may still
//                      decrypt stored values; rotation adds a key and switches the active id.
//   PII_ACTIVE_KEY_ID  the kid new values are encrypted with.
//   PII_HASH_KEY       base64, at least 32 bytes: the HMAC key of the lookup hashes. Changing it
//                      means recomputing every stored hash, so it is not rotated with PII_KEYS.
// Outside production, fixed development keys apply; production refuses to start without all three.
export interface PersonalDataConfig {
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
  hashKey: Buffer;
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;
const devKey = (label: string) => createHash('sha256').update(`jiceng-dev-pii:${label}`).digest();

function parseKeys(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const kid = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (separator < 1 || !KID.test(kid))
      throw new Error('PII_KEYS entries must look like <kid>:<base64 key>');
    if (key.length !== 32) throw new Error(`PII_KEYS key ${kid} must be 32 bytes (AES-256)`);
    if (keys.has(kid)) throw new Error(`PII_KEYS names ${kid} twice`);
    keys.set(kid, key);
  }
  return keys;
}

export function personalDataConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): PersonalDataConfig {
  const { PII_KEYS, PII_ACTIVE_KEY_ID, PII_HASH_KEY } = env;
  if (!PII_KEYS || !PII_ACTIVE_KEY_ID || !PII_HASH_KEY) {
    if (env.NODE_ENV === 'production')
      throw new Error('PII_KEYS, PII_ACTIVE_KEY_ID and PII_HASH_KEY must be set in production');
    if (PII_KEYS || PII_ACTIVE_KEY_ID || PII_HASH_KEY)
      throw new Error('Set all of PII_KEYS, PII_ACTIVE_KEY_ID and PII_HASH_KEY, or none of them');
    return {
      keys: new Map([['dev1', devKey('aes-dev1')]]),
      activeKeyId: 'dev1',
      hashKey: devKey('hmac'),
    };
  }
  const keys = parseKeys(PII_KEYS);
  if (!keys.has(PII_ACTIVE_KEY_ID))
    throw new Error(`PII_ACTIVE_KEY_ID ${PII_ACTIVE_KEY_ID} is not one of PII_KEYS`);
  const hashKey = Buffer.from(PII_HASH_KEY, 'base64');
  if (hashKey.length < 32) throw new Error('PII_HASH_KEY must be at least 32 bytes (base64)');
  return { keys, activeKeyId: PII_ACTIVE_KEY_ID, hashKey };
}

/** The three keys as one setting, so that a bad one stops the service at start (never printed). */
export const PERSONAL_DATA_SETTING: Setting<PersonalDataConfig> = {
  variable: 'PII_KEYS',
  doc: 'with PII_ACTIVE_KEY_ID and PII_HASH_KEY, the personal-data keys (personal-data.config.ts)',
  sensitive: true,
  parse(_raw, env) {
    try {
      return personalDataConfigFromEnv(env);
    } catch (error) {
      return new SettingProblem(
        `(with PII_ACTIVE_KEY_ID, PII_HASH_KEY): ${(error as Error).message}`,
      );
    }
  },
};

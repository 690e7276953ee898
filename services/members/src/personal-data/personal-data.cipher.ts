import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PersonalDataConfig } from './personal-data.config';

/** An AES-256-GCM ciphertext with the id of the key that made it (base64 parts). */
export interface EncryptedValue {
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

/** The personal-data fields; each name is bound into its ciphertext and its hash. */
export type PersonalField = 'idNumber' | 'phone';

/**
 * Encrypts personal data with the active key and decrypts with whichever key a value names, so
 * rotating keys never strands old values. The field name is the GCM additional data: a value
 * copied into another field fails authentication instead of being shown there.
 */
export class PersonalDataCipher {
  constructor(private readonly config: PersonalDataConfig) {}

  get activeKeyId(): string {
    return this.config.activeKeyId;
  }

  encrypt(field: PersonalField, plaintext: string): EncryptedValue {
    const kid = this.config.activeKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(kid), iv);
    cipher.setAAD(Buffer.from(field));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      kid,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
  }

  decrypt(field: PersonalField, value: EncryptedValue): string {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key(value.kid),
      Buffer.from(value.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(value.ct, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** True when a value was encrypted with a key other than the active one (re-encrypt it). */
  isStale(value: EncryptedValue): boolean {
    return value.kid !== this.config.activeKeyId;
  }

  /** Keyed hash (HMAC-SHA256, hex) of a normalized value: equality lookups without decryption. */
  hash(field: PersonalField, normalized: string): string {
    return createHmac('sha256', this.config.hashKey).update(`${field}:${normalized}`).digest('hex');
  }

  private key(kid: string): Buffer {
    const key = this.config.keys.get(kid);
    if (!key) throw new Error(`No personal-data key ${kid} is configured (PII_KEYS)`);
    return key;
  }
}

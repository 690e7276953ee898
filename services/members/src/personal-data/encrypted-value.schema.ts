import { Schema } from 'mongoose';
import type { EncryptedValue } from './personal-data.cipher';

/** How an encrypted personal-data value is stored, wherever it is (members, households). */
export const encryptedValueSchema = new Schema<EncryptedValue>(
  {
    kid: { type: String, required: true },
    iv: { type: String, required: true },
    tag: { type: String, required: true },
    ct: { type: String, required: true },
  },
  { _id: false },
);

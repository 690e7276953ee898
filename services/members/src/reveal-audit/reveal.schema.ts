import { Schema, type Types } from 'mongoose';

export const REVEAL_MODEL = 'PersonalDataReveal';

/** Which personal data a caller got in full (the birth date goes with the ID number). */
export type RevealedField = 'idNumber' | 'phone';

/**
 * One reveal of a member's unmasked personal data: who (subject, role, organization of the
 * token), when, whose (the member's id and organization path, for subtree queries) and through
 * which operation. Append-only; it holds no personal data itself beyond the member's id.
 */
export interface PersonalDataReveal {
  _id: Types.ObjectId;
  at: Date;
  subject: string;
  role: string;
  callerOrganizationId: string | null;
  memberId: Types.ObjectId;
  memberPath: Types.ObjectId[];
  field: RevealedField;
  /** The GraphQL operation the subgraph ran (the gateway names it after the client's). */
  operation: string;
}

export const revealSchema = new Schema<PersonalDataReveal>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    subject: { type: String, required: true },
    role: { type: String, required: true },
    callerOrganizationId: { type: String, default: null },
    memberId: { type: Schema.Types.ObjectId, required: true },
    memberPath: { type: [Schema.Types.ObjectId], required: true },
    field: { type: String, required: true },
    operation: { type: String, required: true },
  },
  { collection: 'personal_data_reveals', versionKey: false },
);
// An auditor's question: a subtree's reveals in a period, newest first.
revealSchema.index({ memberPath: 1, _id: -1 });

import { Schema, type Types } from 'mongoose';
import type { AccountKind } from '../account/account';
import type { LetterKind } from './ranking';

export const LETTER_MODEL = 'Letter';
export const LETTER_BATCH_MODEL = 'LetterBatch';

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  THANK_YOU: '感谢信',
  REMINDER: '提醒函',
};

/** A letter for a front end to list and print; generated, never edited. */
export interface Letter {
  _id: Types.ObjectId;
  batchId: string;
  period: string;
  scopeOrganizationId: string;
  kind: LetterKind;
  recipientKind: AccountKind;
  recipientId: string;
  rank: number;
  points: number;
  participants: number;
  title: string;
  body: string;
  createdAt: Date;
}

export const letterSchema = new Schema<Letter>(
  {
    batchId: { type: String, required: true },
    period: { type: String, required: true },
    scopeOrganizationId: { type: String, required: true },
    kind: { type: String, required: true },
    recipientKind: { type: String, required: true },
    recipientId: { type: String, required: true },
    rank: { type: Number, required: true },
    points: { type: Number, required: true },
    participants: { type: Number, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'letters', versionKey: false },
);
letterSchema.index({ scopeOrganizationId: 1, period: 1 });
letterSchema.index({ recipientId: 1 });

/**
 * One generation of letters for a period and an organization's subtree (`_id` =
 * `<period>|<organizationId>`): the first call fixes the recipients, later calls return them, and
 * a generation cut short by a crash is completed from this plan.
 */
export interface LetterBatch {
  _id: string;
  period: string;
  organizationId: string;
  recipientKind: AccountKind;
  state: 'GENERATING' | 'DONE';
  participants: number;
  ruleVersion: string;
  letters: Letter[];
  createdAt: Date;
}

export const letterBatchSchema = new Schema<LetterBatch>(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    organizationId: { type: String, required: true },
    recipientKind: { type: String, required: true },
    state: { type: String, required: true },
    participants: { type: Number, required: true },
    ruleVersion: { type: String, required: true },
    letters: { type: [letterSchema], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'letter_batches', versionKey: false },
);

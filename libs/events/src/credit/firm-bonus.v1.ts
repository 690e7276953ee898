import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const FIRM_BONUS_EVENT_TYPES = ['jiceng.credit.firm-bonus.tier-changed'] as const;

/**
 * Payload of `jiceng.credit.firm-bonus.v1`, for the provincial construction credit systems
 * ("企业党建工作干得好，信用评价有加分"): a firm's party-building bonus tier for a quarter,
 * sent when the ledger has moved the firm into another tier and its points have since been still
 * for the credit service's quiet period (a burst that climbs C → B → A is one event, of A).
 */
export interface FirmBonusV1 {
  firmId: string;
  /** Unified social credit code (GB 32100-2015): how provincial systems identify the firm. */
  creditCode: string;
  /** Quarter in Asia/Shanghai, e.g. 2023-Q2. */
  period: string;
  /**
   * The points the tier was reached with: the firm's ledger points in the period, with its
   * project branches' joint-building (联建) bonuses where the rules count them.
   */
  points: number;
  tier: string;
  /** The tier announced before this one; null for the first announcement. */
  previousTier: string | null;
  /** Credit evaluation points the tier adds (信用评价加分). */
  bonusScore: number;
  /** Version of the rules whose tier table was applied. */
  ruleVersion: string;
  /** Increases with every announcement for the firm and period; consumers keep the highest. */
  sequence: number;
}

const nullableTier = { type: 'string', nullable: true } as unknown as JSONSchemaType<string>;

export const firmBonusV1Schema: JSONSchemaType<FirmBonusV1> = {
  $id: 'urn:jiceng:schema:credit.firm-bonus.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'firmId',
    'creditCode',
    'period',
    'points',
    'tier',
    'previousTier',
    'bonusScore',
    'ruleVersion',
    'sequence',
  ],
  properties: {
    firmId: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
    period: { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$' },
    points: { type: 'integer' },
    tier: { type: 'string', minLength: 1 },
    previousTier: nullableTier,
    bonusScore: { type: 'number', minimum: 0 },
    ruleVersion: { type: 'string', minLength: 1 },
    sequence: { type: 'integer', minimum: 1 },
  },
};

export const firmBonusV1: EventContract<FirmBonusV1> = {
  topic: Topics.creditFirmBonus,
  source: '/jiceng/credit',
  types: FIRM_BONUS_EVENT_TYPES,
  dataschema: firmBonusV1Schema.$id as string,
  schema: firmBonusV1Schema,
};

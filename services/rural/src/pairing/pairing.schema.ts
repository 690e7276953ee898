import { Schema, type Types } from 'mongoose';
import { shortName } from './short-name';

export const RURAL_PAIRING_MODEL = 'RuralPairing';

/** 跨省结对: two village party organizations of different provinces. */
export interface RuralPairing {
  _id: Types.ObjectId;
  /** The co-building program, e.g. 雄安—潍坊跨省党建联建. */
  program: string;
  name: string;
  villageIds: Types.ObjectId[];
  /** Both village ids, sorted: a unique index keeps two villages from pairing twice. */
  pairKey: string;
  /** Shanghai calendar date, YYYY-MM-DD. */
  startedOn: string;
  createdBy: string;
  createdAt: Date;
}

export const ruralPairingSchema = new Schema<RuralPairing>(
  {
    program: { type: String, required: true },
    name: { type: String, required: true },
    villageIds: { type: [Schema.Types.ObjectId], required: true },
    pairKey: { type: String, required: true },
    startedOn: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'rural_pairings', versionKey: false },
);
ruralPairingSchema.index({ pairKey: 1 }, { unique: true });
ruralPairingSchema.index({ villageIds: 1, _id: 1 }); // pairings of a subtree
ruralPairingSchema.index({ program: 1 });

export const pairKeyOf = (villageIds: readonly (Types.ObjectId | string)[]) =>
  villageIds.map(String).sort().join(':');

/** 安新第一村—寿光第一村跨省结对 */
export const pairingName = (a: string, b: string) => `${shortName(a)}—${shortName(b)}跨省结对`;

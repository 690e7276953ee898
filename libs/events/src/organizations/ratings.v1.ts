import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

// One event type per step of the quarterly star rating (党建星级评定) workflow.
export const STAR_RATING_EVENT_TYPES = [
  'jiceng.organizations.star-rating.self-assessed',
  'jiceng.organizations.star-rating.defended',
  'jiceng.organizations.star-rating.inspected',
  'jiceng.organizations.star-rating.reviewed',
  'jiceng.organizations.star-rating.published',
] as const;
export type StarRatingEventType = (typeof STAR_RATING_EVENT_TYPES)[number];

export const STAR_RATING_STATUSES = [
  'SELF_ASSESSED',
  'DEFENDED',
  'INSPECTED',
  'REVIEWED',
  'PUBLISHED',
] as const;
export type StarRatingStatus = (typeof STAR_RATING_STATUSES)[number];

/**
 * Payload of `jiceng.organizations.ratings.v1`: the rating's state after a step, keyed by rating
 * id. Provincial systems take the `published` events: `stars` is the final result from then on.
 */
export interface StarRatingV1 {
  ratingId: string;
  /** The rated community party organization. */
  organizationId: string;
  /** The organization directly above it (the street), which ran 公开讲 and 实地看. */
  streetId: string;
  /** Quarter in Asia/Shanghai, `YYYY-Qn`. */
  period: string;
  status: StarRatingStatus;
  /** Version of the scoring template the rating was scored against. */
  templateVersion: number;
  /** Increases by one with every step; consumers may drop older versions. */
  version: number;
  selfScore: number;
  claimedStars: number;
  proposedStars: number | null;
  inspectionPassed: boolean | null;
  /** The district's result (3, 4 or 5), set from REVIEWED on. */
  stars: number | null;
  publishedAt: string | null;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const STARS = { type: 'integer', minimum: 3, maximum: 5 } as const;
// ajv's typings reject `nullable` on a required `T | null`; the runtime check is right.
const nullable = <T>(schema: object) => ({ ...schema, nullable: true }) as unknown as T;

export const starRatingV1Schema: JSONSchemaType<StarRatingV1> = {
  $id: 'urn:jiceng:schema:organizations.ratings.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'ratingId',
    'organizationId',
    'streetId',
    'period',
    'status',
    'templateVersion',
    'version',
    'selfScore',
    'claimedStars',
    'proposedStars',
    'inspectionPassed',
    'stars',
    'publishedAt',
  ],
  properties: {
    ratingId: { type: 'string', pattern: OBJECT_ID },
    organizationId: { type: 'string', pattern: OBJECT_ID },
    streetId: { type: 'string', pattern: OBJECT_ID },
    period: { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$' },
    status: { type: 'string', enum: STAR_RATING_STATUSES },
    templateVersion: { type: 'integer', minimum: 1 },
    version: { type: 'integer', minimum: 1 },
    selfScore: { type: 'number', minimum: 0 },
    claimedStars: STARS,
    proposedStars: nullable<JSONSchemaType<number>>(STARS),
    inspectionPassed: nullable<JSONSchemaType<boolean>>({ type: 'boolean' }),
    stars: nullable<JSONSchemaType<number>>(STARS),
    publishedAt: nullable<JSONSchemaType<string>>({ type: 'string', format: 'date-time' }),
  },
};

export const starRatingV1: EventContract<StarRatingV1> = {
  topic: Topics.organizationsRatings,
  source: '/jiceng/organizations',
  types: STAR_RATING_EVENT_TYPES,
  dataschema: starRatingV1Schema.$id as string,
  schema: starRatingV1Schema,
};

import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import {
  SATISFACTIONS,
  SERVICE_REQUEST_CATEGORIES,
  SERVICE_REQUEST_CHANNELS,
  type Satisfaction,
  type ServiceRequestCategory,
  type ServiceRequestChannel,
} from './service-request.enums';
import { SERVICE_REQUEST_STEPS, type ServiceRequestState } from './service-request-steps';

export const SERVICE_REQUEST_MODEL = 'ServiceRequest';

export interface ServiceRequestStepRecord {
  state: ServiceRequestState;
  at: Date;
  by: string;
  note?: string | null;
}

/**
 * The 党员联系户 visit a request was opened from (members' `household-visit.recorded`): ids only,
 * as the event carries them; the problem's text stays in the members subgraph.
 */
export interface ServiceRequestSource {
  visitId: string;
  householdId: string;
  gridId: string;
  memberId: string;
}

/** 群众诉求: a resident's request through the five-step closed loop. No personal data is kept. */
export interface ServiceRequest {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  title: string;
  description?: string | null;
  category: ServiceRequestCategory;
  channel: ServiceRequestChannel;
  state: ServiceRequestState;
  reportedAt: Date;
  acceptedAt?: Date | null;
  /** YYYY-MM-DD (Asia/Shanghai): five working days after acceptance. */
  dueDate?: string | null;
  /** The end of the due date. */
  dueAt?: Date | null;
  respondedAt?: Date | null;
  response?: string | null;
  closedAt?: Date | null;
  closingNote?: string | null;
  /** Set at closing: closed after the due date. */
  closedLate?: boolean | null;
  evaluatedAt?: Date | null;
  satisfaction?: Satisfaction | null;
  evaluationComment?: string | null;
  declinedAt?: Date | null;
  declineReason?: string | null;
  /** The 德邻有约 service day whose stall collected the problem, if any. */
  serviceDayId?: Types.ObjectId | null;
  history: ServiceRequestStepRecord[];
  /** Set on requests opened from a household visit (channel HOUSEHOLD_VISIT). */
  source?: ServiceRequestSource | null;
  updatedAt: Date;
  /** Each step's event (jiceng.volunteering.service-requests.v1), written with the step. */
  outbox?: OutboxRecord[];
}

export const serviceRequestSchema = new Schema<ServiceRequest>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    description: String,
    category: { type: String, enum: SERVICE_REQUEST_CATEGORIES, required: true },
    channel: { type: String, enum: SERVICE_REQUEST_CHANNELS, required: true },
    state: { type: String, enum: SERVICE_REQUEST_STEPS.states, required: true },
    reportedAt: { type: Date, required: true },
    acceptedAt: Date,
    dueDate: String,
    dueAt: Date,
    respondedAt: Date,
    response: String,
    closedAt: Date,
    closingNote: String,
    closedLate: Boolean,
    evaluatedAt: Date,
    satisfaction: { type: String, enum: [...SATISFACTIONS, null] },
    evaluationComment: String,
    declinedAt: Date,
    declineReason: String,
    serviceDayId: { type: Schema.Types.ObjectId, default: null },
    history: {
      type: [
        new Schema<ServiceRequestStepRecord>(
          {
            state: { type: String, required: true },
            at: { type: Date, required: true },
            by: { type: String, required: true },
            note: String,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    source: {
      type: new Schema<ServiceRequestSource>(
        {
          visitId: { type: String, required: true },
          householdId: { type: String, required: true },
          gridId: { type: String, required: true },
          memberId: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'service_requests', versionKey: false },
);
withOutbox(serviceRequestSchema);
serviceRequestSchema.index({ communityId: 1, state: 1, _id: 1 });
serviceRequestSchema.index({ communityId: 1, acceptedAt: 1 }); // statistics per period
serviceRequestSchema.index({ dueAt: 1, closedAt: 1 }); // overdue lists

/** Reads never need the outbox. */
export const SERVICE_REQUEST_PROJECTION = { outbox: 0 } as const;

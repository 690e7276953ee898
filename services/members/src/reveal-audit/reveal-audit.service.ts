import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { periodArg } from '@jiceng/calendar';
import {
  connectionOf,
  decodeCursor,
  forbidden,
  pageSize,
  RequestLoader,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { REVEAL_MODEL, type PersonalDataReveal, type RevealedField } from './reveal.schema';

interface Reveal {
  claims: Claims;
  member: { _id: Types.ObjectId; organizationPath: Types.ObjectId[] };
  field: RevealedField;
  operation: string;
}

@Injectable()
export class RevealAudit {
  /**
   * The reveals of one request, written together once per tick (one insertMany), one record a
   * member and field however often the request reads it. The value is returned only once its
   * record is stored: a reveal that cannot be recorded fails instead of showing the data.
   */
  private readonly reveals = new RequestLoader<Reveal, true>(
    async (keys) => {
      const at = new Date();
      await this.model.insertMany(
        keys.map((k) => ({
          _id: new Types.ObjectId(),
          at,
          subject: k.claims.sub,
          role: k.claims.role,
          callerOrganizationId: k.claims.orgId ?? null,
          memberId: k.member._id,
          memberPath: k.member.organizationPath,
          field: k.field,
          operation: k.operation,
        })),
        { ordered: false },
      );
      return keys.map(() => true as const);
    },
    (k) => `${String(k.member._id)}:${k.field}`,
  );

  constructor(@InjectModel(REVEAL_MODEL) private readonly model: Model<PersonalDataReveal>) {}

  record(ctx: { claims: Claims }, reveal: Omit<Reveal, 'claims'>): Promise<true> {
    return this.reveals.load(ctx, { ...reveal, claims: ctx.claims });
  }

  /** The reveals about a subtree's members in a period, newest first (AUDITOR only). */
  async list(
    claims: Claims,
    organizationId: Types.ObjectId,
    period: string,
    page: PageArgs,
  ): Promise<Connection<PersonalDataReveal>> {
    if (claims.role !== 'AUDITOR')
      throw forbidden('Only AUDITOR reads the reveals of personal data');
    const { startsAt, endsAt } = periodArg(period);
    const size = pageSize(page.first);
    const filter = { memberPath: organizationId, at: { $gte: startsAt, $lt: endsAt } };
    const docs = await this.model
      .find(page.after ? { ...filter, _id: { $lt: decodeCursor(page.after) } } : filter)
      .sort({ _id: -1 })
      .limit(size + 1)
      .lean<PersonalDataReveal[]>();
    return connectionOf(docs, size, () => this.model.countDocuments(filter).exec());
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { isWithinScope, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import type { Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import type {
  ConstructionFirmFilter,
  CreateConstructionFirmInput,
  UpdateConstructionFirmInput,
} from './dto/firm.inputs';
import { FIRM_MODEL, type ConstructionFirm } from './firm.schema';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterQuery(filter: ConstructionFirmFilter | undefined): QueryFilter<ConstructionFirm> {
  const query: QueryFilter<ConstructionFirm> = {};
  if (filter?.status) query.status = filter.status;
  if (filter?.nameContains) query.name = { $regex: escapeRegex(filter.nameContains) };
  if (filter?.registrationRegionPrefix)
    query.creditCode = { $regex: `^..${filter.registrationRegionPrefix}` };
  return query;
}

/**
 * The registry of general construction contractors. Its data is public business registration
 * (name, credit code), so every authenticated caller reads it; a firm is managed in the scope of
 * its own party organization: by ADMIN, or by the ORG_ADMIN of that organization or an ancestor.
 */
@Injectable()
export class FirmService {
  constructor(
    @InjectModel(FIRM_MODEL) private readonly model: Model<ConstructionFirm>,
    private readonly organizations: OrganizationService,
  ) {}

  async findByIds(ids: readonly (string | Types.ObjectId)[]): Promise<ConstructionFirm[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }).lean<ConstructionFirm[]>();
  }

  /** The firms whose own party organization is one of `organizationIds`. */
  findByOrganizationIds(organizationIds: readonly string[]): Promise<ConstructionFirm[]> {
    const valid = organizationIds.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ organizationId: { $in: valid } }).lean<ConstructionFirm[]>();
  }

  async get(id: string): Promise<ConstructionFirm | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.model.findById(id).lean<ConstructionFirm>();
  }

  getByCreditCode(creditCode: string): Promise<ConstructionFirm | null> {
    return this.model.findOne({ creditCode }).lean<ConstructionFirm>();
  }

  list(
    filter: ConstructionFirmFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<ConstructionFirm>> {
    return paginate(this.model, filterQuery(filter), page);
  }

  async create(input: CreateConstructionFirmInput, claims: Claims): Promise<ConstructionFirm> {
    const organization = input.organizationId
      ? await this.partyOrganization(input.organizationId, 'input.organizationId')
      : null;
    this.assertCanManage(claims, organization);
    const now = new Date();
    const firm: ConstructionFirm = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      creditCode: input.creditCode,
      organizationId: organization?._id ?? null,
      status: 'ACTIVE',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await createOrConflict(
      this.model,
      firm,
      `A construction firm with credit code ${firm.creditCode} is already registered`,
    );
    return firm;
  }

  async update(input: UpdateConstructionFirmInput, claims: Claims): Promise<ConstructionFirm> {
    const firm = await this.get(input.id);
    if (!firm) throw notFound('ConstructionFirm', input.id);
    const current = firm.organizationId
      ? ((await this.organizations.findByIds([String(firm.organizationId)]))[0] ?? null)
      : null;
    this.assertCanManage(claims, current);
    const changes: Partial<ConstructionFirm> = {};
    if (input.name !== undefined && input.name.trim() !== firm.name)
      changes.name = input.name.trim();
    if (input.status !== undefined && input.status !== firm.status) changes.status = input.status;
    if (
      input.organizationId !== undefined &&
      input.organizationId !== String(firm.organizationId)
    ) {
      const next = await this.partyOrganization(input.organizationId, 'input.organizationId');
      this.assertCanManage(claims, next);
      changes.organizationId = next._id;
    }
    if (!Object.keys(changes).length) return firm;
    const next = { ...firm, ...changes, version: firm.version + 1, updatedAt: new Date() };
    await updateOrConflict(
      this.model,
      { _id: firm._id, version: firm.version },
      { $set: { ...changes, version: next.version, updatedAt: next.updatedAt } },
      `ConstructionFirm ${firm._id} was changed concurrently; read it again and retry`,
    );
    return next;
  }

  private async partyOrganization(id: string, field: string): Promise<Organization> {
    const [org] = await this.organizations.findByIds([id]);
    if (!org) throw badUserInput([{ field, message: 'does not exist' }]);
    if (org.status !== 'ACTIVE') throw badUserInput([{ field, message: 'is dissolved' }]);
    return org;
  }

  private assertCanManage(claims: Claims, organization: Organization | null): void {
    if (claims.role === 'ADMIN') return;
    if (
      claims.role === 'ORG_ADMIN' &&
      organization &&
      isWithinScope(claims, scopedNode(organization))
    )
      return;
    throw forbidden(
      organization
        ? `You may not manage firms of organization ${organization._id}`
        : 'Only ADMIN manages a firm without a party organization in your scope',
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { canAdminister, isWithinScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { updateOrConflict } from '@jiceng/workflow';
import type { Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import type {
  CreateServiceCenterInput,
  OpeningIntervalInput,
  ServiceWindowInput,
  UpdateServiceCenterInput,
} from './dto/service-center.inputs';
import { centerHoursProblems } from './opening-hours';
import { SERVICE_CENTER_MODEL, type ServiceCenter } from './service-center.schema';
import { STANDARD_ITEMS, type StandardItem } from './service-center.enums';

/**
 * A centre is its organization's own facility: ADMIN, or the ORG_ADMIN of the organization or
 * of one above it, manages it; whoever reads the organization reads its centres.
 */
function canManage(claims: Claims, org: Organization): boolean {
  return canAdminister(claims, scopedNode(org));
}

const distinctTrimmed = (values: string[]) => [...new Set(values.map((v) => v.trim()))];

function openingHours(input: OpeningIntervalInput[]) {
  const problems = centerHoursProblems(input);
  if (problems.length)
    throw badUserInput(
      problems.map((p) => ({
        field: `input.openingHours.${p.index}.${p.field}`,
        message: p.message,
      })),
    );
  return input.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));
}

const windows = (input: ServiceWindowInput[]) =>
  input.map((w) => ({ name: w.name.trim(), services: distinctTrimmed(w.services) }));

// Kept in the checklist's order, so reads list the items as the standards do.
const standardItems = (input: StandardItem[]) => STANDARD_ITEMS.filter((i) => input.includes(i));

@Injectable()
export class ServiceCenterService {
  constructor(
    @InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenter>,
    private readonly organizations: OrganizationService,
  ) {}

  /** The centres of an organization the caller already reads. */
  ofOrganization(org: Organization, page: PageArgs): Promise<Connection<ServiceCenter>> {
    return paginate(this.model, { organizationId: org._id }, page);
  }

  async getReadable(id: string, claims: Claims): Promise<ServiceCenter | null> {
    return visibleOrNull(await this.get(id), async (center) =>
      isWithinScope(claims, scopedNode(await this.organizationOf(center))),
    );
  }

  async create(input: CreateServiceCenterInput, claims: Claims): Promise<ServiceCenter> {
    const [org] = await this.organizations.findByIds([input.organizationId]);
    if (!org) throw badUserInput([{ field: 'input.organizationId', message: 'does not exist' }]);
    if (!canManage(claims, org))
      throw forbidden(`You may not manage the service centres of organization ${org._id}`);
    if (org.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.organizationId', message: 'is dissolved' }]);
    const now = new Date();
    const center: ServiceCenter = {
      _id: new Types.ObjectId(),
      organizationId: org._id,
      name: input.name.trim(),
      kind: input.kind,
      level: input.level,
      floorAreaSqm: input.floorAreaSqm,
      facilities: distinctTrimmed(input.facilities ?? []),
      standardItemsMet: standardItems(input.standardItemsMet ?? []),
      openingHours: openingHours(input.openingHours ?? []),
      windows: windows(input.windows ?? []),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(center);
    return center;
  }

  async update(input: UpdateServiceCenterInput, claims: Claims): Promise<ServiceCenter> {
    const center = await this.get(input.id);
    if (!center) throw notFound('ServiceCenter', input.id);
    if (!canManage(claims, await this.organizationOf(center)))
      throw forbidden(`You may not change service centre ${input.id}`);
    const changes: Partial<ServiceCenter> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.level !== undefined) changes.level = input.level;
    if (input.floorAreaSqm !== undefined) changes.floorAreaSqm = input.floorAreaSqm;
    if (input.facilities !== undefined) changes.facilities = distinctTrimmed(input.facilities);
    if (input.standardItemsMet !== undefined)
      changes.standardItemsMet = standardItems(input.standardItemsMet);
    if (input.openingHours !== undefined) changes.openingHours = openingHours(input.openingHours);
    if (input.windows !== undefined) changes.windows = windows(input.windows);
    if (!Object.keys(changes).length) return center;
    const next = { ...center, ...changes, version: center.version + 1, updatedAt: new Date() };
    await updateOrConflict(
      this.model,
      { _id: center._id, version: center.version },
      { $set: { ...changes, version: next.version, updatedAt: next.updatedAt } },
      `ServiceCenter ${center._id} was changed concurrently; read it again and retry`,
    );
    return next;
  }

  private async get(id: string): Promise<ServiceCenter | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.model.findById(id).lean<ServiceCenter>();
  }

  private async organizationOf(center: ServiceCenter): Promise<Organization> {
    const [org] = await this.organizations.findByIds([String(center.organizationId)]);
    // Organizations are dissolved, never deleted, so a centre's organization always exists.
    if (!org) throw notFound('Organization', String(center.organizationId));
    return org;
  }
}

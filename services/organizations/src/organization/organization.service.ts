import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type QueryFilter, type Model } from 'mongoose';
import {
  canManage,
  hasGlobalScope,
  isWithinScope,
  visibleOrNull,
  type Claims,
  type ScopedNode,
} from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { OutboxRelays, type OutboxRecord } from '@jiceng/outbox';
import { updateOrConflict } from '@jiceng/workflow';
import type {
  CreateOrganizationInput,
  DissolveOrganizationInput,
  MoveOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import { lifecycleRecord } from './organization.events';
import {
  ORGANIZATION_MODEL,
  ORGANIZATION_PROJECTION,
  type Organization,
} from './organization.schema';

export function scopedNode(org: Pick<Organization, '_id' | 'ancestorIds'>): ScopedNode {
  return { id: String(org._id), ancestorIds: org.ancestorIds.map(String) };
}

/** The scoped node a child of `parent` would be. */
function childOf(parent: Organization): ScopedNode {
  return { id: '', ancestorIds: [...parent.ancestorIds.map(String), String(parent._id)] };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterQuery(filter: OrganizationFilter | undefined): QueryFilter<Organization> {
  const query: QueryFilter<Organization> = {};
  if (filter?.kinds?.length) query.kind = { $in: filter.kinds };
  if (filter?.sectors?.length) query.sector = { $in: filter.sectors };
  if (filter?.status) query.status = filter.status;
  if (filter?.regionCodePrefix) query.regionCode = { $regex: `^${filter.regionCodePrefix}` };
  if (filter?.nameContains) query.name = { $regex: escapeRegex(filter.nameContains) };
  return query;
}

function scopeQuery(claims: Claims): QueryFilter<Organization> {
  if (hasGlobalScope(claims)) return {};
  const root = new Types.ObjectId(claims.orgId);
  return { $or: [{ _id: root }, { ancestorIds: root }] };
}

const REWRITE_BATCH = 500;

@Injectable()
export class OrganizationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganizationService.name);

  constructor(
    @InjectModel(ORGANIZATION_MODEL) private readonly model: Model<Organization>,
    private readonly relay: OutboxRelays,
  ) {}

  /** Finishes path rewrites that a crash interrupted, so every subtree is consistent again. */
  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.model
      .find({ pathRewritePending: true }, ORGANIZATION_PROJECTION)
      .lean<Organization[]>();
    for (const org of pending) await this.rewriteDescendantPaths(org);
  }

  // ---- reads ---------------------------------------------------------------------------

  async findByIds(ids: readonly string[]): Promise<Organization[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }, ORGANIZATION_PROJECTION).lean<Organization[]>();
  }

  async getReadable(
    id: string,
    claims: Claims,
    load: (id: string) => Promise<Organization | null>,
  ): Promise<Organization | null> {
    return visibleOrNull(await load(id), (org) => isWithinScope(claims, scopedNode(org)));
  }

  list(
    claims: Claims,
    filter: OrganizationFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Organization>> {
    return paginate(
      this.model,
      { ...scopeQuery(claims), ...filterQuery(filter) },
      page,
      ORGANIZATION_PROJECTION,
    );
  }

  children(
    parent: Organization,
    filter: OrganizationFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Organization>> {
    return paginate(
      this.model,
      { ...filterQuery(filter), parentId: parent._id },
      page,
      ORGANIZATION_PROJECTION,
    );
  }

  descendants(
    root: Organization,
    maxDepth: number | undefined,
    filter: OrganizationFilter | undefined,
    page: PageArgs,
  ) {
    return paginate<Organization>(
      this.model,
      this.descendantQuery(root, maxDepth, filter),
      page,
      ORGANIZATION_PROJECTION,
    );
  }

  descendantCount(
    root: Organization,
    maxDepth: number | undefined,
    filter: OrganizationFilter | undefined,
  ): Promise<number> {
    return this.model.countDocuments(this.descendantQuery(root, maxDepth, filter)).exec();
  }

  /** Ancestors root first, cut to the part of the chain the caller may read. */
  async ancestors(
    org: Organization,
    claims: Claims,
    loadMany: (ids: string[]) => Promise<(Organization | null)[]>,
  ) {
    const found = await loadMany(org.ancestorIds.map(String));
    return found.filter(
      (a): a is Organization => a !== null && isWithinScope(claims, scopedNode(a)),
    );
  }

  private descendantQuery(
    root: Organization,
    maxDepth: number | undefined,
    filter: OrganizationFilter | undefined,
  ) {
    if (maxDepth !== undefined && (!Number.isInteger(maxDepth) || maxDepth < 1)) {
      throw badUserInput([{ field: 'maxDepth', message: 'must be a positive integer' }]);
    }
    const query: QueryFilter<Organization> = { ...filterQuery(filter), ancestorIds: root._id };
    if (maxDepth !== undefined) query.depth = { $lte: root.depth + maxDepth };
    return query;
  }

  // ---- changes -------------------------------------------------------------------------

  async create(input: CreateOrganizationInput, claims: Claims): Promise<Organization> {
    const org = await this.creation(input, claims);
    await this.model.create({ ...org, outbox: [lifecycleRecord('created', org, ['*'])] });
    this.relay.kick(String(org._id));
    return { ...org, outbox: [] };
  }

  /**
   * What `create` would refuse, refused the same way, without writing; else the active
   * organization of that name under that parent, if there is one (a re-import leaves it).
   */
  async checkCreation(
    input: CreateOrganizationInput,
    claims: Claims,
  ): Promise<{ existingOrganizationId: string | null }> {
    const org = await this.creation(input, claims);
    const existing = await this.model
      .findOne({ parentId: org.parentId, name: org.name, status: 'ACTIVE' }, { _id: 1 })
      .lean<Pick<Organization, '_id'>>();
    return { existingOrganizationId: existing ? String(existing._id) : null };
  }

  /** The organization a creation would insert, once every rule has passed. */
  private async creation(
    input: CreateOrganizationInput,
    claims: Claims,
  ): Promise<Omit<Organization, 'outbox'>> {
    let parent: Organization | null = null;
    if (input.parentId) {
      parent = await this.model
        .findById(input.parentId, ORGANIZATION_PROJECTION)
        .lean<Organization>();
      if (!parent) throw badUserInput([{ field: 'input.parentId', message: 'does not exist' }]);
      if (!canManage(claims, childOf(parent)))
        throw forbidden('You may only create organizations within your own subtree');
      if (parent.status !== 'ACTIVE')
        throw badUserInput([{ field: 'input.parentId', message: 'is dissolved' }]);
    } else if (claims.role !== 'ADMIN') {
      throw forbidden('Only ADMIN may create a root organization');
    }
    const now = new Date();
    const org: Omit<Organization, 'outbox'> = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      kind: input.kind,
      sector: input.sector,
      regionCode: input.regionCode,
      status: 'ACTIVE',
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      depth: parent ? parent.depth + 1 : 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return org;
  }

  async update(input: UpdateOrganizationInput, claims: Claims): Promise<Organization> {
    const org = await this.getManageable(input.id, claims);
    if (org.status !== 'ACTIVE')
      throw conflict(`Organization ${input.id} is dissolved and can no longer change`);
    const changes: Partial<Organization> = {};
    if (input.name !== undefined && input.name.trim() !== org.name)
      changes.name = input.name.trim();
    if (input.kind !== undefined && input.kind !== org.kind) changes.kind = input.kind;
    if (input.sector !== undefined && input.sector !== org.sector) changes.sector = input.sector;
    if (input.regionCode !== undefined && input.regionCode !== org.regionCode)
      changes.regionCode = input.regionCode;
    const changedFields = Object.keys(changes);
    if (!changedFields.length) return org;
    return this.commit(org, changes, 'updated', changedFields);
  }

  async move(input: MoveOrganizationInput, claims: Claims): Promise<Organization> {
    const org = await this.getManageable(input.id, claims);
    if (org.status !== 'ACTIVE')
      throw conflict(`Organization ${input.id} is dissolved and can no longer move`);
    const parent = await this.model
      .findById(input.newParentId, ORGANIZATION_PROJECTION)
      .lean<Organization>();
    if (!parent) throw badUserInput([{ field: 'input.newParentId', message: 'does not exist' }]);
    if (!canManage(claims, childOf(parent)))
      throw forbidden('You may only move organizations within your own subtree');
    if (parent._id.equals(org._id) || parent.ancestorIds.some((a) => a.equals(org._id))) {
      throw badUserInput([
        {
          field: 'input.newParentId',
          message: 'is the organization itself or one of its descendants (a cycle)',
        },
      ]);
    }
    if (parent.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.newParentId', message: 'is dissolved' }]);
    if (org.parentId?.equals(parent._id)) return org;
    const moved = await this.commit(
      org,
      {
        parentId: parent._id,
        ancestorIds: [...parent.ancestorIds, parent._id],
        depth: parent.depth + 1,
        pathRewritePending: true,
      },
      'moved',
      ['parentId'],
    );
    await this.rewriteDescendantPaths(moved);
    return { ...moved, pathRewritePending: undefined };
  }

  async dissolve(input: DissolveOrganizationInput, claims: Claims): Promise<Organization> {
    const org = await this.getManageable(input.id, claims);
    if (org.status !== 'ACTIVE') throw conflict(`Organization ${input.id} is already dissolved`);
    const activeChildren = await this.model.countDocuments({ parentId: org._id, status: 'ACTIVE' });
    if (activeChildren > 0) {
      throw conflict(
        `Organization ${input.id} still has ${activeChildren} active child organization(s); dissolve or move them first`,
      );
    }
    return this.commit(
      org,
      { status: 'DISSOLVED', dissolvedAt: new Date(), dissolutionReason: input.reason.trim() },
      'dissolved',
      ['status'],
    );
  }

  private async getManageable(id: string, claims: Claims): Promise<Organization> {
    const org = await this.model.findById(id, ORGANIZATION_PROJECTION).lean<Organization>();
    if (!org) throw notFound('Organization', id);
    if (!canManage(claims, scopedNode(org)))
      throw forbidden(`You may not change organization ${id}`);
    return org;
  }

  /**
   * Writes the change and its lifecycle event in one single-document update, guarded by the
   * version read, so a concurrent change is reported instead of overwritten.
   */
  private async commit(
    org: Organization,
    changes: Partial<Organization>,
    change: Parameters<typeof lifecycleRecord>[0],
    changedFields: string[],
  ): Promise<Organization> {
    const next: Organization = {
      ...org,
      ...changes,
      version: org.version + 1,
      updatedAt: new Date(),
    };
    const record: OutboxRecord = lifecycleRecord(change, next, changedFields);
    await updateOrConflict(
      this.model,
      { _id: org._id, version: org.version },
      {
        $set: { ...changes, version: next.version, updatedAt: next.updatedAt },
        $push: { outbox: record },
      },
      `Organization ${org._id} was changed concurrently; read it again and retry`,
      { relay: this.relay },
    );
    return next;
  }

  /**
   * Gives every descendant of a moved node the node's new path. Each pass rewrites the
   * descendants whose path still disagrees, so the rewrite is idempotent and can resume.
   */
  private async rewriteDescendantPaths(
    moved: Pick<Organization, '_id' | 'ancestorIds'>,
  ): Promise<void> {
    const prefix = [...moved.ancestorIds, moved._id];
    const stale: QueryFilter<Organization> = {
      ancestorIds: moved._id,
      $or: prefix.map((id, depth) => ({ [`ancestorIds.${depth}`]: { $ne: id } })),
    };
    for (;;) {
      const batch = await this.model
        .find(stale, { ancestorIds: 1 })
        .limit(REWRITE_BATCH)
        .lean<Organization[]>();
      if (!batch.length) break;
      await this.model.bulkWrite(
        batch.map((d) => {
          const tail = d.ancestorIds.slice(d.ancestorIds.findIndex((a) => a.equals(moved._id)) + 1);
          const ancestorIds = [...prefix, ...tail];
          return {
            updateOne: {
              filter: { _id: d._id },
              update: { $set: { ancestorIds, depth: ancestorIds.length } },
            },
          };
        }),
        { ordered: false },
      );
    }
    await this.model.updateOne({ _id: moved._id }, { $unset: { pathRewritePending: 1 } });
    this.logger.log(`paths below ${moved._id} rewritten`);
  }
}

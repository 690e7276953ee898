import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, isWithinScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type FieldError,
  type PageArgs,
} from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { updateOrConflict } from '@jiceng/workflow';
import type { Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import type {
  AddJointProjectInput,
  ChangeJointProjectStatusInput,
  CreatePairingInput,
  EndPairingInput,
  PairingListItemInput,
  UpdatePairingInput,
} from './dto/pairing.inputs';
import type { PairingKind, PairingStatus } from './pairing.enums';
import { pairingRecord, type PairingChange } from './pairing.events';
import { jointProjectStatusProblem } from './joint-project-steps';
import { changeDateProblem, pairingKindProblem } from './pairing-rules';
import {
  PAIRING_MODEL,
  PAIRING_PROJECTION,
  type Pairing,
  type PairingItem,
} from './pairing.schema';

const within = (claims: Claims, orgs: Organization[]) =>
  orgs.some((org) => isWithinScope(claims, scopedNode(org)));

/** A pairing is read by whoever may read one of its parties. */
function canRead(claims: Claims, parties: Organization[]): boolean {
  return hasGlobalScope(claims) || within(claims, parties);
}

/**
 * A pairing is its parties' own agreement: ADMIN, or the ORG_ADMIN of any party or of an
 * organization above one, manages it (the other parties may lie outside the caller's scope,
 * e.g. across provinces).
 */
function canManage(claims: Claims, parties: Organization[]): boolean {
  return claims.role === 'ADMIN' || (claims.role === 'ORG_ADMIN' && within(claims, parties));
}

@Injectable()
export class PairingService {
  constructor(
    @InjectModel(PAIRING_MODEL) private readonly model: Model<Pairing>,
    private readonly organizations: OrganizationService,
    private readonly relay: OutboxRelays,
  ) {}

  // ---- reads ---------------------------------------------------------------------------

  async getReadable(id: string, claims: Claims): Promise<Pairing | null> {
    return visibleOrNull(await this.get(id), async (pairing) =>
      canRead(claims, await this.partiesOf(pairing)),
    );
  }

  /** Pairings in which `org` takes part; the caller already reads `org`, so it reads them. */
  ofOrganization(
    org: Organization,
    status: PairingStatus | undefined,
    page: PageArgs,
  ): Promise<Connection<Pairing>> {
    const query: QueryFilter<Pairing> = { 'parties.organizationId': org._id };
    if (status) query.status = status;
    return paginate(this.model, query, page, PAIRING_PROJECTION);
  }

  /**
   * Pairings with a party anywhere in the subtree of `rootId`. The parties of matching
   * pairings are far fewer than the nodes of a large subtree, so the subtree's parties are
   * found among them.
   */
  async inSubtree(
    rootId: string,
    kind: PairingKind | undefined,
    status: PairingStatus | undefined,
    claims: Claims,
    page: PageArgs,
  ): Promise<Connection<Pairing>> {
    const [root] = await this.organizations.findByIds([rootId]);
    if (!root) throw notFound('Organization', rootId);
    if (!isWithinScope(claims, scopedNode(root)))
      throw forbidden(`Organization ${rootId} is outside your scope`);
    const query: QueryFilter<Pairing> = {};
    if (kind) query.kind = kind;
    if (status) query.status = status;
    const partyIds = (await this.model.distinct(
      'parties.organizationId',
      query,
    )) as Types.ObjectId[];
    const inside = (await this.organizations.findByIds(partyIds.map(String)))
      .filter((org) => org._id.equals(root._id) || org.ancestorIds.some((a) => a.equals(root._id)))
      .map((org) => org._id);
    return paginate(
      this.model,
      { ...query, 'parties.organizationId': { $in: inside } },
      page,
      PAIRING_PROJECTION,
    );
  }

  partiesOf(pairing: Pick<Pairing, 'parties'>): Promise<Organization[]> {
    return this.organizations.findByIds(pairing.parties.map((p) => String(p.organizationId)));
  }

  private async get(id: string): Promise<Pairing | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.model.findById(id, PAIRING_PROJECTION).lean<Pairing>();
  }

  // ---- changes -------------------------------------------------------------------------

  async create(input: CreatePairingInput, claims: Claims): Promise<Pairing> {
    const parties = await this.validParties(input, claims);
    const now = new Date();
    const startedAt = input.startedAt ?? now;
    const startProblem = changeDateProblem(startedAt, undefined, now);
    if (startProblem) throw badUserInput([{ field: 'input.startedAt', message: startProblem }]);
    const pairing: Omit<Pairing, 'outbox'> = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      kind: input.kind,
      status: 'ACTIVE',
      parties: input.parties.map((p, i) => ({
        organizationId: parties[i]._id,
        partTimeCommitteeMembers: p.partTimeCommitteeMembers ?? 0,
      })),
      resources: this.items(input.resources ?? [], parties, 'input.resources'),
      needs: this.items(input.needs ?? [], parties, 'input.needs'),
      jointProjects: [],
      startedAt,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create({ ...pairing, outbox: [pairingRecord('created', pairing, ['*'])] });
    this.relay.kick(String(pairing._id));
    return { ...pairing, outbox: [] };
  }

  async update(input: UpdatePairingInput, claims: Claims): Promise<Pairing> {
    const { pairing, parties } = await this.getChangeable(input.id, claims);
    const changes: Partial<Pairing> = {};
    if (input.name !== undefined && input.name.trim() !== pairing.name)
      changes.name = input.name.trim();
    if (input.resources !== undefined)
      changes.resources = this.items(input.resources, parties, 'input.resources');
    if (input.needs !== undefined) changes.needs = this.items(input.needs, parties, 'input.needs');
    const changedFields = Object.keys(changes);
    if (!changedFields.length) return pairing;
    return this.commit(pairing, changes, 'updated', changedFields);
  }

  async addJointProject(input: AddJointProjectInput, claims: Claims): Promise<Pairing> {
    const { pairing } = await this.getChangeable(input.pairingId, claims);
    const now = new Date();
    const at = input.at ?? now;
    const dateProblem = changeDateProblem(at, pairing.startedAt, now);
    if (dateProblem) throw badUserInput([{ field: 'input.at', message: dateProblem }]);
    const jointProject = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      description: input.description?.trim() ?? null,
      note: input.note?.trim() ?? null,
      status: 'PLANNED' as const,
      statusChanges: [{ status: 'PLANNED' as const, at, note: null }],
    };
    return this.commit(
      pairing,
      { jointProjects: [...pairing.jointProjects, jointProject] },
      'joint-project-changed',
      ['jointProjects'],
    );
  }

  async changeJointProjectStatus(
    input: ChangeJointProjectStatusInput,
    claims: Claims,
  ): Promise<Pairing> {
    const { pairing } = await this.getChangeable(input.pairingId, claims);
    const project = pairing.jointProjects.find((j) => String(j._id) === input.jointProjectId);
    if (!project)
      throw badUserInput([
        { field: 'input.jointProjectId', message: 'is not a joint project of this pairing' },
      ]);
    // The project lives in the pairing's array, so the step is checked here and written with
    // the pairing's versioned commit rather than by transition().
    const statusProblem = jointProjectStatusProblem(project.status, input.status);
    if (statusProblem) throw badUserInput([{ field: 'input.status', message: statusProblem }]);
    const now = new Date();
    const at = input.at ?? now;
    const dateProblem = changeDateProblem(at, project.statusChanges.at(-1)?.at, now);
    if (dateProblem) throw badUserInput([{ field: 'input.at', message: dateProblem }]);
    const change = { status: input.status, at, note: input.note?.trim() ?? null };
    const jointProjects = pairing.jointProjects.map((j) =>
      j === project
        ? { ...j, status: input.status, statusChanges: [...j.statusChanges, change] }
        : j,
    );
    return this.commit(pairing, { jointProjects }, 'joint-project-changed', ['jointProjects']);
  }

  async end(input: EndPairingInput, claims: Claims): Promise<Pairing> {
    const { pairing } = await this.getChangeable(input.id, claims);
    const now = new Date();
    const endedAt = input.endedAt ?? now;
    const dateProblem = changeDateProblem(endedAt, pairing.startedAt, now);
    if (dateProblem) throw badUserInput([{ field: 'input.endedAt', message: dateProblem }]);
    return this.commit(
      pairing,
      { status: 'ENDED', endedAt, endReason: input.reason.trim() },
      'ended',
      ['status'],
    );
  }

  /** The parties in input order: distinct, existing, manageable by the caller, active, fitting the kind. */
  private async validParties(input: CreatePairingInput, claims: Claims): Promise<Organization[]> {
    const field = (i: number, name = 'organizationId') => `input.parties.${i}.${name}`;
    const ids = input.parties.map((p) => p.organizationId);
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated >= 0)
      throw badUserInput([
        { field: field(repeated), message: 'names an organization already listed' },
      ]);
    const found = new Map((await this.organizations.findByIds(ids)).map((o) => [String(o._id), o]));
    const missing: FieldError[] = ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ field: field(i), message: 'does not exist' }],
    );
    if (missing.length) throw badUserInput(missing);
    const parties = ids.map((id) => found.get(id) as Organization);
    if (!canManage(claims, parties))
      throw forbidden(
        'You may only create pairings in which an organization of your scope takes part',
      );
    const problems: FieldError[] = parties.flatMap((org, i) => [
      ...(org.status === 'ACTIVE' ? [] : [{ field: field(i), message: 'is dissolved' }]),
      ...((input.parties[i].partTimeCommitteeMembers ?? 0) > 0 &&
      (input.kind !== 'COMMUNITY_UNIT' || i === 0)
        ? [
            {
              field: field(i, 'partTimeCommitteeMembers'),
              message: 'only the units of a community–unit pairing (大党委) send part-time members',
            },
          ]
        : []),
    ]);
    if (problems.length) throw badUserInput(problems);
    const kindProblem = pairingKindProblem(input.kind, parties);
    if (kindProblem) throw badUserInput([{ field: 'input.parties', message: kindProblem }]);
    return parties;
  }

  /** List items whose provider or requester is one of the parties. */
  private items(
    input: PairingListItemInput[],
    parties: Organization[],
    path: string,
  ): PairingItem[] {
    const problems: FieldError[] = input.flatMap((item, i) =>
      parties.some((p) => String(p._id) === item.organizationId)
        ? []
        : [{ field: `${path}.${i}.organizationId`, message: 'must be one of the parties' }],
    );
    if (problems.length) throw badUserInput(problems);
    return input.map((item) => ({
      _id: new Types.ObjectId(),
      name: item.name.trim(),
      description: item.description?.trim() ?? null,
      organizationId: new Types.ObjectId(item.organizationId),
    }));
  }

  private async getChangeable(id: string, claims: Claims) {
    const pairing = await this.get(id);
    if (!pairing) throw notFound('Pairing', id);
    const parties = await this.partiesOf(pairing);
    if (!canManage(claims, parties)) throw forbidden(`You may not change pairing ${id}`);
    if (pairing.status !== 'ACTIVE')
      throw conflict(`Pairing ${id} has ended and can no longer change`);
    return { pairing, parties };
  }

  /**
   * Writes the change and its event in one single-document update, guarded by the version
   * read, so a concurrent change is reported instead of overwritten.
   */
  private async commit(
    pairing: Pairing,
    changes: Partial<Pairing>,
    change: PairingChange,
    changedFields: string[],
  ): Promise<Pairing> {
    const next = { ...pairing, ...changes, version: pairing.version + 1, updatedAt: new Date() };
    await updateOrConflict(
      this.model,
      { _id: pairing._id, version: pairing.version },
      {
        $set: { ...changes, version: next.version, updatedAt: next.updatedAt },
        $push: { outbox: pairingRecord(change, next, changedFields) },
      },
      `Pairing ${pairing._id} was changed concurrently; read it again and retry`,
      { relay: this.relay },
    );
    return next;
  }
}

import { visibleOrNull } from '@jiceng/auth';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { scopedNode } from '@jiceng/org-projection';
import { createOrConflict } from '@jiceng/workflow';
import { mayWrite, provinceOf, VILLAGE_SECTOR } from '../access/authority';
import { RuralAccess } from '../access/rural-access';
import type { CreateRuralPairingInput, RuralPairingFilter } from './dto/pairing.inputs';
import { pairingName, pairKeyOf, RURAL_PAIRING_MODEL, type RuralPairing } from './pairing.schema';

@Injectable()
export class PairingService {
  constructor(
    @InjectModel(RURAL_PAIRING_MODEL) private readonly model: Model<RuralPairing>,
    private readonly access: RuralAccess,
  ) {}

  findByIds(ids: readonly string[]): Promise<RuralPairing[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }).lean<RuralPairing[]>();
  }

  find(id: string): Promise<RuralPairing | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<RuralPairing>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<RuralPairing> {
    const pairing = await this.find(id);
    if (!pairing) throw notFound('Rural pairing', id);
    return pairing;
  }

  /** A pairing is readable by either side's subtree. */
  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readable(claims: Claims, id: string): Promise<RuralPairing | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Rural pairings');
    return visibleOrNull(await this.find(id), (pairing) =>
      this.access.isAnyWithinScope(claims, pairing.villageIds),
    );
  }

  async list(
    claims: Claims,
    organizationId: string | undefined,
    filter: RuralPairingFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<RuralPairing>> {
    return paginate(this.model, await this.query(claims, organizationId, filter), page);
  }

  /** Every pairing with a village in the subtree (for totals; pairings are few). */
  async all(
    claims: Claims,
    organizationId: string | undefined,
    filter: RuralPairingFilter | undefined,
  ): Promise<RuralPairing[]> {
    return this.model.find(await this.query(claims, organizationId, filter)).lean<RuralPairing[]>();
  }

  async create(input: CreateRuralPairingInput, claims: Claims): Promise<RuralPairing> {
    const field = 'input.villageIds';
    if (input.villageIds[0] === input.villageIds[1])
      throw badUserInput([{ field, message: 'must name two different villages' }]);
    const villages = await Promise.all(
      input.villageIds.map((id) => this.access.village(id, field)),
    );
    const [a, b] = villages;
    if (provinceOf(a.regionCode) === provinceOf(b.regionCode))
      throw badUserInput([
        {
          field,
          message: `a cross-province pairing needs villages of two provinces; ${a.name} and ${b.name} are both in province ${provinceOf(a.regionCode)}0000`,
        },
      ]);
    if (!villages.some((v) => mayWrite(claims, scopedNode(v), 'ABOVE')))
      throw forbidden('Pairing villages takes ADMIN or an ORG_ADMIN above one of them');
    const pairing: RuralPairing = {
      _id: new Types.ObjectId(),
      program: input.program.trim(),
      name: pairingName(a.name, b.name),
      villageIds: villages.map((v) => v._id),
      pairKey: pairKeyOf(villages.map((v) => v._id)),
      startedOn: input.startedOn,
      createdBy: claims.sub,
      createdAt: new Date(),
    };
    return createOrConflict(this.model, pairing, `${a.name} and ${b.name} are already paired`);
  }

  private async query(
    claims: Claims,
    organizationId: string | undefined,
    filter: RuralPairingFilter | undefined,
  ): Promise<QueryFilter<RuralPairing>> {
    const villages = await this.access.scope(claims, organizationId, { sector: VILLAGE_SECTOR });
    return {
      ...(villages && { villageIds: { $in: villages } }),
      ...(filter?.program && { program: filter.program }),
    };
  }
}

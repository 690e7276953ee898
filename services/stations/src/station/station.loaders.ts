import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Types } from 'mongoose';
import { OrgListLoader } from '@jiceng/org-access';
import { StationsAccess } from '../access/stations-access';
import type { StationFilter } from './dto/station.inputs';
import type { Station } from './station.schema';
import { StationService } from './station.service';

/** Stations by id, one `$in` read per tick (the stations of a page of visits or statistics rows). */
@Injectable()
export class StationLoader {
  private readonly loader = documentLoader((ids) => this.stations.findByIds(ids));

  constructor(private readonly stations: StationService) {}

  load(ctx: GraphQLContext, id: Types.ObjectId | string) {
    return this.loader.load(ctx, String(id));
  }
}

/** Organization.stations of a page of organizations, batched (see OrgListLoader). */
@Injectable()
export class OrganizationStationsLoader extends OrgListLoader<Station, StationFilter | undefined> {
  constructor(access: StationsAccess, stations: StationService) {
    super(access, stations);
  }
}

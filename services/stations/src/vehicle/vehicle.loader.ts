import { Injectable } from '@nestjs/common';
import { OrgListLoader, OrgSubtrees } from '../access/org-lists';
import type { FlagVehicle } from './vehicle.schema';
import { FlagVehicleService } from './vehicle.service';

/** Organization.flagVehicles of a page of organizations, batched (see OrgListLoader). */
@Injectable()
export class OrganizationFlagVehiclesLoader extends OrgListLoader<FlagVehicle, null> {
  constructor(subtrees: OrgSubtrees, vehicles: FlagVehicleService) {
    super(subtrees, vehicles);
  }
}

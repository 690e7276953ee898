import { Injectable } from '@nestjs/common';
import { OrgListLoader } from '@jiceng/org-access';
import { StationsAccess } from '../access/stations-access';
import type { FlagVehicle } from './vehicle.schema';
import { FlagVehicleService } from './vehicle.service';

/** Organization.flagVehicles of a page of organizations, batched (see OrgListLoader). */
@Injectable()
export class OrganizationFlagVehiclesLoader extends OrgListLoader<FlagVehicle, null> {
  constructor(access: StationsAccess, vehicles: FlagVehicleService) {
    super(access, vehicles);
  }
}

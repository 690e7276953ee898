import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { StationModule } from '../station/station.module';
import { FlagVehicleModule } from '../vehicle/vehicle.module';
import { OrganizationStationsResolver } from './organization.resolver';

@Module({
  imports: [AccessModule, StationModule, FlagVehicleModule],
  providers: [OrganizationStationsResolver],
})
export class OrganizationStationsModule {}

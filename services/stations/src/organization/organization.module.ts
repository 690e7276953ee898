import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { StationModule } from '../station/station.module';
import { FlagVehicleModule } from '../vehicle/vehicle.module';
import { OrganizationStationsResolver } from './organization.resolver';

@Module({
  imports: [SharedModule, StationModule, FlagVehicleModule],
  providers: [OrganizationStationsResolver],
})
export class OrganizationStationsModule {}

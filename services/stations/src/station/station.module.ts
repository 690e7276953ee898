import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { OrganizationStationsLoader, StationLoader } from './station.loaders';
import { StationResolver } from './station.resolver';
import { STATION_MODEL, stationSchema } from './station.schema';
import { StationService } from './station.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: STATION_MODEL, schema: stationSchema }]),
    AccessModule,
  ],
  providers: [StationService, StationResolver, StationLoader, OrganizationStationsLoader],
  exports: [StationService, StationLoader, OrganizationStationsLoader],
})
export class StationModule {}

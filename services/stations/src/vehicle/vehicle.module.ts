import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { WorkerModule } from '../worker/worker.module';
import { OrganizationFlagVehiclesLoader } from './vehicle.loader';
import { FlagVehicleResolver } from './vehicle.resolver';
import { FLAG_VEHICLE_MODEL, flagVehicleSchema } from './vehicle.schema';
import { FlagVehicleService } from './vehicle.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: FLAG_VEHICLE_MODEL, schema: flagVehicleSchema }]),
    AccessModule,
    WorkerModule,
  ],
  providers: [FlagVehicleService, FlagVehicleResolver, OrganizationFlagVehiclesLoader],
  exports: [OrganizationFlagVehiclesLoader],
})
export class FlagVehicleModule {}

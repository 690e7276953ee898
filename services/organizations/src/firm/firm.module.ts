import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrganizationModule } from '../organization/organization.module';
import { FirmOfOrganizationResolver } from './firm-of-organization.resolver';
import { FirmResolver } from './firm.resolver';
import { FIRM_MODEL, firmSchema } from './firm.schema';
import { FirmService } from './firm.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: FIRM_MODEL, schema: firmSchema }]),
    OrganizationModule,
  ],
  providers: [FirmService, FirmResolver, FirmOfOrganizationResolver],
  exports: [FirmService],
})
export class FirmModule {}

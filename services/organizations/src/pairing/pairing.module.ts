import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { OrganizationModule } from '../organization/organization.module';
import {
  JointProjectResolver,
  JointProjectStatusChangeResolver,
  OrganizationPairingResolver,
  PairingListItemResolver,
  PairingPartyResolver,
} from './pairing-parts.resolver';
import { PairingResolver } from './pairing.resolver';
import { PAIRING_MODEL, pairingSchema } from './pairing.schema';
import { PairingService } from './pairing.service';

const models = MongooseModule.forFeature([{ name: PAIRING_MODEL, schema: pairingSchema }]);

@Module({
  imports: [models, OutboxModule.forModels(models, [PAIRING_MODEL]), OrganizationModule],
  providers: [
    PairingService,
    PairingResolver,
    PairingPartyResolver,
    PairingListItemResolver,
    JointProjectResolver,
    JointProjectStatusChangeResolver,
    OrganizationPairingResolver,
  ],
})
export class PairingModule {}

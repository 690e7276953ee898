import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { PairingResolver } from './pairing.resolver';
import { RURAL_PAIRING_MODEL, ruralPairingSchema } from './pairing.schema';
import { PairingService } from './pairing.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: RURAL_PAIRING_MODEL, schema: ruralPairingSchema }]),
    AccessModule,
  ],
  providers: [PairingService, PairingResolver],
  exports: [PairingService],
})
export class PairingModule {}

import { Module } from '@nestjs/common';
import { ClaimModule } from '../claim/claim.module';
import { MemberVolunteeringResolver } from './member.resolver';

@Module({
  imports: [ClaimModule],
  providers: [MemberVolunteeringResolver],
})
export class MemberVolunteeringModule {}

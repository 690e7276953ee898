import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { TransferResolver } from './transfer.resolver';
import { TransferService } from './transfer.service';

@Module({
  imports: [MemberModule],
  providers: [TransferService, TransferResolver],
  exports: [TransferService],
})
export class TransferModule {}

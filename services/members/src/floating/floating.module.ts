import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { FloatingResolver } from './floating.resolver';
import { FloatingService } from './floating.service';

@Module({
  imports: [MemberModule],
  providers: [FloatingService, FloatingResolver],
  exports: [FloatingService],
})
export class FloatingModule {}

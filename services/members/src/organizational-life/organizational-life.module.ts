import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { OrgProjectionService, pathOf, rewritePaths } from '@jiceng/org-projection';
import { HouseholdContactsModule } from '../household-contacts/household-contacts.module';
import { HouseholdContactsReader } from '../household-contacts/household-contacts.reader';
import { MemberModule } from '../member/member.module';
import { organizationalLifeEnv } from '../members.env';
import { appraisalRules } from './appraisal.rules';
import { APPRAISAL_MODEL } from './appraisal.schema';
import { APPRAISAL_RULES, AppraisalService } from './appraisal.service';
import { ComplianceService } from './compliance.service';
import { MeetingTallies } from './meeting-tallies';
import { MeetingTallyConsumer } from './meeting-tally.consumer';
import { MeetingLoaders } from './meeting.loaders';
import { MEETING_MODEL, MEETING_PATH_FIELDS, type Meeting } from './meeting.schema';
import { MeetingService } from './meeting.service';
import { organizationalLifeModels } from './organizational-life.models';
import {
  MeetingAttendanceResolver,
  MeetingComplianceResolver,
  OrganizationalLifeResolver,
} from './organizational-life.resolver';
import {
  MemberOrganizationalLifeResolver,
  OrganizationMeetingsResolver,
} from './organizational-life-fields.resolver';

/** Meetings move with their branches, like members (scope reads their path). */
@Injectable()
class MeetingPaths implements OnModuleInit {
  constructor(
    @InjectModel(MEETING_MODEL) private readonly model: Model<Meeting>,
    private readonly projection: OrgProjectionService,
  ) {}

  onModuleInit(): void {
    this.projection.onPathChange(async (node) => {
      await rewritePaths(this.model, MEETING_PATH_FIELDS, node._id, pathOf(node));
    });
  }
}

/** 组织生活: meetings with attendance, the rhythm's compliance, and the annual appraisal. */
@Module({
  imports: [
    organizationalLifeModels,
    OutboxModule.forModels(organizationalLifeModels, [MEETING_MODEL, APPRAISAL_MODEL]),
    MemberModule,
    HouseholdContactsModule,
  ],
  providers: [
    // The household-contact rule reads each member's monthly duty from household contacts.
    {
      provide: APPRAISAL_RULES,
      inject: [HouseholdContactsReader],
      useFactory: (duties: HouseholdContactsReader) =>
        appraisalRules({ householdContact: organizationalLifeEnv().householdContactRule }, duties),
    },
    MeetingService,
    AppraisalService,
    ComplianceService,
    MeetingTallies,
    MeetingTallyConsumer,
    MeetingLoaders,
    MeetingPaths,
    OrganizationalLifeResolver,
    MeetingComplianceResolver,
    MeetingAttendanceResolver,
    MemberOrganizationalLifeResolver,
    OrganizationMeetingsResolver,
  ],
})
export class OrganizationalLifeModule {}

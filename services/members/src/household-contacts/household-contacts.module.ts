import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { OrgProjectionService, pathOf, rewritePaths } from '@jiceng/org-projection';
import { MemberModule } from '../member/member.module';
import { HouseholdLoaders } from './household-contacts.loaders';
import { householdContactsModels } from './household-contacts.models';
import { HouseholdContactsReader } from './household-contacts.reader';
import {
  HouseholdContactStatsResolver,
  HouseholdContactsResolver,
  HouseholdResolver,
} from './household-contacts.resolver';
import {
  HOUSEHOLD_ROSTER_MODEL,
  HOUSEHOLD_VISIT_MODEL,
  ROSTER_PATH_FIELDS,
  VISIT_PATH_FIELDS,
  type HouseholdRoster,
  type HouseholdVisit,
} from './household-contacts.schema';
import {
  MemberHouseholdContactsResolver,
  OrganizationHouseholdsResolver,
} from './household-contacts-fields.resolver';
import { HouseholdProblemClosureConsumer } from './household-problem-closure.consumer';
import { HouseholdRosterService } from './household-roster.service';
import { HouseholdTallies } from './household-tallies';
import { HouseholdTallyConsumer } from './household-tally.consumer';
import { HouseholdVisitsService } from './household-visits.service';

/** Rosters and visits move with their grids, like members (scope reads their path). */
@Injectable()
class HouseholdPaths implements OnModuleInit {
  constructor(
    @InjectModel(HOUSEHOLD_ROSTER_MODEL) private readonly rosters: Model<HouseholdRoster>,
    @InjectModel(HOUSEHOLD_VISIT_MODEL) private readonly visits: Model<HouseholdVisit>,
    private readonly projection: OrgProjectionService,
  ) {}

  onModuleInit(): void {
    this.projection.onPathChange(async (node) => {
      await rewritePaths(this.rosters, ROSTER_PATH_FIELDS, node._id, pathOf(node));
      await rewritePaths(this.visits, VISIT_PATH_FIELDS, node._id, pathOf(node));
    });
  }
}

/**
 * 党员联系户: the grids' households, each held by one member (10–15 a member), their monthly
 * visits before the 10th, the analyst figures and each member's duty, which the democratic
 * appraisal's rule reads (HouseholdContactsReader is its HouseholdContactDutySource).
 */
@Module({
  imports: [
    householdContactsModels,
    OutboxModule.forModels(householdContactsModels, [
      HOUSEHOLD_ROSTER_MODEL,
      HOUSEHOLD_VISIT_MODEL,
    ]),
    MemberModule,
  ],
  providers: [
    HouseholdRosterService,
    HouseholdVisitsService,
    HouseholdTallies,
    HouseholdTallyConsumer,
    HouseholdProblemClosureConsumer,
    HouseholdContactsReader,
    HouseholdLoaders,
    HouseholdPaths,
    HouseholdContactsResolver,
    HouseholdContactStatsResolver,
    HouseholdResolver,
    MemberHouseholdContactsResolver,
    OrganizationHouseholdsResolver,
  ],
  exports: [HouseholdContactsReader],
})
export class HouseholdContactsModule {}

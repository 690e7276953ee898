import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { periodArg } from '@jiceng/calendar';
import { forbidden } from '@jiceng/graphql';
import { CommunityAccess } from '../community/community-access';
import { ServiceRequestService } from '../service-request/service-request.service';
import { averageSatisfaction } from './service-day-rules';
import { tallyServiceDay } from './service-day-tally';
import {
  SERVICE_DAY_MODEL,
  SERVICE_DAY_TALLY_MODEL,
  type ServiceDay,
  type ServiceDayTally,
} from './service-day.schema';

export interface ServiceDayStats {
  organizationId: string;
  month: string;
  daysHeld: number;
  services: number;
  volunteers: number;
  beneficiaries: number;
  averageSatisfaction: number | null;
  problemsCollected: number;
  problemsClosed: number;
}

/**
 * The analyst view of 德邻有约: per organization (a branch, community, street, county: any subtree)
 * and month, from read models keyed `<orgId>|<month>`, each signed-off day added to its branch and
 * to every organization above it. Reading a subtree's month is one read by `_id`.
 */
@Injectable()
export class ServiceDayStatsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ServiceDayStatsService.name);

  constructor(
    @InjectModel(SERVICE_DAY_TALLY_MODEL) private readonly tallies: Model<ServiceDayTally>,
    @InjectModel(SERVICE_DAY_MODEL) private readonly days: Model<ServiceDay>,
    private readonly access: CommunityAccess,
    private readonly requests: ServiceRequestService,
  ) {}

  /** Adds a signed-off day to its read models, once (service-day-tally.ts). */
  tally(day: ServiceDay): Promise<void> {
    return tallyServiceDay({ tallies: this.tallies, days: this.days }, day);
  }

  /** Days signed off but not tallied: a process stopped between the sign-off and its tally. */
  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.days
      .find({ state: 'SIGNED_OFF', talliedAt: null }, { outbox: 0 })
      .lean<ServiceDay[]>();
    for (const day of pending) await this.tally(day);
    if (pending.length) this.logger.log(`tallied ${pending.length} signed-off service day(s)`);
  }

  async stats(claims: Claims, organizationId: string, month: string): Promise<ServiceDayStats> {
    if (claims.role === 'MEMBER') throw forbidden('A member reads no service day figures');
    periodArg(month, 'month', ['MONTH']);
    this.access.organizationId(organizationId);
    await this.access.requireReadable(claims, organizationId);
    const tally = await this.tallies.findById(`${organizationId}|${month}`).lean<ServiceDayTally>();
    return {
      organizationId,
      month,
      daysHeld: tally?.daysHeld ?? 0,
      services: tally?.services ?? 0,
      volunteers: tally?.volunteers ?? 0,
      beneficiaries: tally?.beneficiaries ?? 0,
      averageSatisfaction: averageSatisfaction(tally?.satisfactionSum ?? 0, tally?.daysHeld ?? 0),
      problemsCollected: tally?.requestIds.length ?? 0,
      problemsClosed: await this.requests.countClosed(tally?.requestIds ?? []),
    };
  }
}

import {
  ArrayMinSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsIn,
  IsMongoId,
  IsOptional,
  Matches,
} from 'class-validator';
import { STATION_SERVICES, type StationService } from '../../station/station.enums';
import {
  WORKER_KINDS,
  WORKER_PLATFORMS,
  type WorkerKind,
  type WorkerPlatform,
} from '../../worker/worker.enums';
import {
  VISIT_CHANNELS,
  VISIT_DIMENSIONS,
  type VisitChannel,
  type VisitDimension,
} from '../visit.enums';

export class RecordStationVisitInput {
  /** A UUID or similar the terminal or phone generates once per visit and sends on every retry. */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be 8-64 letters, digits, _ or -' })
  clientVisitId!: string;

  @IsMongoId()
  stationId!: string;

  @IsOptional()
  @IsMongoId()
  workerId?: string;

  /** Required for a walk-in (no workerId); otherwise the worker's own. */
  @IsOptional()
  @IsEnum(WORKER_KINDS)
  workerKind?: WorkerKind;

  @IsOptional()
  @IsEnum(WORKER_PLATFORMS)
  platform?: WorkerPlatform;

  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(STATION_SERVICES, { each: true })
  services!: StationService[];

  @IsIn(VISIT_CHANNELS)
  channel!: VisitChannel;

  /** When the worker came; now when absent (a terminal that was offline sends it). */
  @IsOptional()
  @IsDate()
  visitedAt?: Date;
}

export class VisitStatsArgs {
  @IsMongoId()
  organizationId!: string;

  @IsOptional()
  period?: string;

  @IsOptional()
  from?: string;

  @IsOptional()
  to?: string;

  @IsOptional()
  @ArrayUnique()
  @IsIn(VISIT_DIMENSIONS, { each: true })
  groupBy?: VisitDimension[];
}

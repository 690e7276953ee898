import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  paginate,
  type Connection,
  type FieldError,
  type PageArgs,
} from '@jiceng/graphql';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { OutboxRelays } from '@jiceng/outbox';
import { isInFuture, shanghaiDate } from '@jiceng/calendar';
import { StationsAccess } from '../access/stations-access';
import type { Station } from '../station/station.schema';
import { StationService } from '../station/station.service';
import type { Worker } from '../worker/worker.schema';
import { WorkerService } from '../worker/worker.service';
import type { RecordStationVisitInput } from './dto/visit.inputs';
import { countVisit, VISIT_COUNTER_MODEL, type VisitCounter } from './visit-counter';
import { visitRecord } from './visit.events';
import { visitFingerprint } from './visit-fingerprint';
import { VISIT_MODEL, VISIT_PROJECTION, type Visit } from './visit.schema';

/** A terminal that was offline sends its visits within this long. */
const MAX_BACKDATE_MS = 7 * 24 * 3600_000;
/** Clocks of terminals and phones run a little ahead. */
/** A visit this old and still uncounted was left by a crash between its two writes. */
const UNCOUNTED_GRACE_MS = 60_000;

@Injectable()
export class VisitService implements OnApplicationBootstrap {
  private readonly logger = new Logger(VisitService.name);

  constructor(
    @InjectModel(VISIT_MODEL) private readonly model: Model<Visit>,
    @InjectModel(VISIT_COUNTER_MODEL) private readonly counters: Model<VisitCounter>,
    private readonly stations: StationService,
    private readonly workers: WorkerService,
    private readonly access: StationsAccess,
    private readonly relays: OutboxRelays,
  ) {}

  /** Counts the visits a crash left uncounted (the visit was written, its counter not). */
  async onApplicationBootstrap(): Promise<void> {
    const cutoff = new Date(Date.now() - UNCOUNTED_GRACE_MS);
    const left = await this.model
      .find({ counted: false, recordedAt: { $lt: cutoff } }, VISIT_PROJECTION)
      .lean<Visit[]>();
    for (const visit of left) await this.count(visit);
    if (left.length) this.logger.warn(`counted ${left.length} visit(s) a crash had left uncounted`);
  }

  get(id: string): Promise<Visit | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, VISIT_PROJECTION).lean<Visit>()
      : Promise.resolve(null);
  }

  /** The visits of a station, oldest first, for the station's operators and their superiors. */
  async ofStation(claims: Claims, stationId: string, page: PageArgs): Promise<Connection<Visit>> {
    const station = await this.stations.get(stationId);
    await this.access.requireReadable(claims, String(station.operatorId));
    return paginate(this.model, { stationId: station._id }, page, VISIT_PROJECTION);
  }

  /**
   * Records a visit with its event in one insert. The client's id is unique: a replay returns the
   * visit first recorded (counted once, published once); another visit under the same id is a
   * CONFLICT.
   */
  async record(input: RecordStationVisitInput, claims: Claims): Promise<Visit> {
    const station = await this.stations.get(input.stationId);
    const worker = input.workerId ? await this.knownWorker(input.workerId) : null;
    await this.requireRecorder(claims, input, station, worker);
    const now = new Date();
    const visitedAt = input.visitedAt ?? now;
    this.checkVisit(input, station, worker, visitedAt, now);
    const visit: Visit = {
      _id: new Types.ObjectId(),
      clientVisitId: input.clientVisitId,
      fingerprint: visitFingerprint(input),
      stationId: station._id,
      operatorId: station.operatorId,
      workerId: worker?._id ?? null,
      workerKind: worker?.kind ?? (input.workerKind as Visit['workerKind']),
      platform: worker?.platform ?? input.platform ?? null,
      services: input.services,
      channel: input.channel,
      visitedAt,
      day: shanghaiDate(visitedAt),
      recordedBy: claims.sub,
      recordedAt: now,
      counted: false,
      outbox: [],
    };
    visit.outbox = [visitRecord(visit, now)];
    try {
      await this.model.create(visit);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.replay(input);
    }
    this.relays.kick(String(visit._id));
    await this.count(visit);
    return { ...visit, counted: true };
  }

  private async replay(input: RecordStationVisitInput): Promise<Visit> {
    const first = await this.model
      .findOne({ clientVisitId: input.clientVisitId }, { outbox: 0 })
      .lean<Visit>();
    if (!first) throw conflict(`Visit ${input.clientVisitId} is being recorded; retry`);
    if (first.fingerprint !== visitFingerprint(input))
      throw conflict(
        `clientVisitId ${input.clientVisitId} was already used for a different visit; generate a new id for a new visit`,
      );
    // The first attempt may have stopped between the visit and its counter.
    if (!first.counted) await this.count(first);
    return { ...first, counted: true };
  }

  private async count(visit: Visit): Promise<void> {
    await countVisit(this.counters, visit);
    await this.model.updateOne({ _id: visit._id }, { $set: { counted: true } });
  }

  private async knownWorker(id: string): Promise<Worker> {
    const [worker] = await this.workers.findByIds([id]);
    if (!worker)
      throw badUserInput([{ field: 'input.workerId', message: 'is not a registered worker' }]);
    return worker;
  }

  /**
   * The station's admins and operators record at its terminal; a worker linked to a member
   * checks in from the phone with the member's own token.
   */
  private async requireRecorder(
    claims: Claims,
    input: RecordStationVisitInput,
    station: Station,
    worker: Worker | null,
  ): Promise<void> {
    if (claims.role !== 'MEMBER')
      return this.access.requireOperator(
        claims,
        station.operatorId,
        'record visits at this station',
      );
    if (input.channel !== 'WORKER_PHONE')
      throw forbidden('Members check in from their phone (channel WORKER_PHONE) only');
    if (!worker?.memberLink || String(worker.memberLink.memberId) !== claims.memberId)
      throw forbidden('A member checks in only as a worker linked to that member');
  }

  private checkVisit(
    input: RecordStationVisitInput,
    station: Station,
    worker: Worker | null,
    visitedAt: Date,
    now: Date,
  ): void {
    const problems: FieldError[] = [];
    if (!worker && !input.workerKind)
      problems.push({
        field: 'input.workerKind',
        message: 'is required when no workerId is given',
      });
    if (worker && input.workerKind && input.workerKind !== worker.kind)
      problems.push({
        field: 'input.workerKind',
        message: `differs from the worker's kind ${worker.kind}`,
      });
    if (isInFuture(visitedAt, now))
      problems.push({ field: 'input.visitedAt', message: 'is in the future' });
    else if (visitedAt.getTime() < now.getTime() - MAX_BACKDATE_MS)
      problems.push({ field: 'input.visitedAt', message: 'is more than 7 days ago' });
    const offered = new Set(station.services);
    const unknown = input.services.filter((s) => !offered.has(s));
    if (unknown.length)
      problems.push({
        field: 'input.services',
        message: `${unknown.join(', ')} not offered by ${station.name}`,
      });
    const lastChange = station.statusHistory.at(-1);
    if (station.status !== 'OPEN' && lastChange && visitedAt >= lastChange.changedAt)
      problems.push({
        field: 'input.stationId',
        message: `${station.name} is ${station.status} since ${lastChange.changedAt.toISOString()}`,
      });
    if (problems.length) throw badUserInput(problems);
  }
}

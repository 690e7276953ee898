import { MEETING_KINDS, type MeetingKind } from './organizational-life.enums';
import type { RequiredSlot } from './meeting-rhythm';

/** What one meeting adds to its branch's month in the tally read model. */
export interface MeetingTallyEntry {
  kind: MeetingKind;
  /** The meeting's version the entry was taken from (older ones never overwrite it). */
  version: number;
  present: number;
  onLeave: number;
  absent: number;
}

/** A branch's month: the meetings it held then, by meeting id. */
export interface BranchMonth {
  month: string;
  meetings: Record<string, MeetingTallyEntry>;
}

export interface Attendance {
  present: number;
  onLeave: number;
  absent: number;
  /** present / every attendance recorded; null when none was. */
  attendanceRate: number | null;
}

export interface KindCompliance {
  kind: MeetingKind;
  /** Meetings of the kind held in the period. */
  held: number;
  /** Slots (months, quarters, years) of the period the rules require the kind in. */
  required: number;
  /** Of those, the slots that are over. */
  due: number;
  /** Due slots without a meeting of the kind. */
  missedSlots: string[];
}

export interface BranchCompliance extends Attendance {
  organizationId: string;
  meetings: number;
  kinds: KindCompliance[];
  /** Kinds with at least one missed slot. */
  missing: MeetingKind[];
}

export interface ComplianceSummary extends Attendance {
  branches: number;
  branchesMissing: number;
  meetings: number;
  byKind: { kind: MeetingKind; held: number; branchesMissing: number }[];
}

const rate = (present: number, onLeave: number, absent: number): number | null => {
  const total = present + onLeave + absent;
  return total ? Math.round((present / total) * 1000) / 1000 : null;
};

/** One branch's compliance in a period, from its months' tallies and the period's slots. */
export function branchCompliance(
  organizationId: string,
  months: readonly BranchMonth[],
  slots: readonly RequiredSlot[],
): BranchCompliance {
  const heldIn = new Map<string, number>(); // `${kind}:${month}` → meetings
  let present = 0;
  let onLeave = 0;
  let absent = 0;
  let meetings = 0;
  for (const { month, meetings: byId } of months)
    for (const entry of Object.values(byId ?? {})) {
      const key = `${entry.kind}:${month}`;
      heldIn.set(key, (heldIn.get(key) ?? 0) + 1);
      present += entry.present;
      onLeave += entry.onLeave;
      absent += entry.absent;
      meetings++;
    }
  const kinds = MEETING_KINDS.map((kind): KindCompliance => {
    const own = slots.filter((s) => s.kind === kind);
    const heldInSlot = (s: RequiredSlot) =>
      s.months.reduce((n, m) => n + (heldIn.get(`${kind}:${m}`) ?? 0), 0);
    return {
      kind,
      held: months.reduce((n, { month }) => n + (heldIn.get(`${kind}:${month}`) ?? 0), 0),
      required: own.length,
      due: own.filter((s) => s.due).length,
      missedSlots: own.filter((s) => s.due && heldInSlot(s) === 0).map((s) => s.slot),
    };
  });
  return {
    organizationId,
    meetings,
    kinds,
    missing: kinds.filter((k) => k.missedSlots.length).map((k) => k.kind),
    present,
    onLeave,
    absent,
    attendanceRate: rate(present, onLeave, absent),
  };
}

export function complianceSummary(branches: readonly BranchCompliance[]): ComplianceSummary {
  const sum = (f: (b: BranchCompliance) => number) => branches.reduce((n, b) => n + f(b), 0);
  const present = sum((b) => b.present);
  const onLeave = sum((b) => b.onLeave);
  const absent = sum((b) => b.absent);
  return {
    branches: branches.length,
    branchesMissing: branches.filter((b) => b.missing.length).length,
    meetings: sum((b) => b.meetings),
    byKind: MEETING_KINDS.map((kind) => ({
      kind,
      held: sum((b) => b.kinds.find((k) => k.kind === kind)?.held ?? 0),
      branchesMissing: branches.filter((b) => b.missing.includes(kind)).length,
    })),
    present,
    onLeave,
    absent,
    attendanceRate: rate(present, onLeave, absent),
  };
}

import type { Types } from 'mongoose';
import { DOUBLE_REPORT_KIND_LABELS, TRANSFER_STATE_LABELS } from './member.enums';
import type { CommunityReport, FloatingAssignment, Member, Transfer } from './member.schema';

// Shapes of the embedded records as the graph shows them. Organizations are references the
// organizations subgraph resolves (batched there); the owning member rides along so its own
// field resolvers (scope, masking) apply wherever it appears.

export const orgRef = (id: Types.ObjectId | string) => ({
  __typename: 'Organization' as const,
  id: String(id),
});

export const floatingView = (assignment: FloatingAssignment) => ({
  projectBranchId: String(assignment.projectBranchId),
  projectBranch: orgRef(assignment.projectBranchId),
  from: assignment.from,
  to: assignment.to ?? null,
});

export const transferView = (member: Member, transfer: Transfer) => ({
  id: String(transfer._id),
  member,
  fromOrganizationId: String(transfer.fromOrganizationId),
  toOrganizationId: String(transfer.toOrganizationId),
  from: orgRef(transfer.fromOrganizationId),
  to: orgRef(transfer.toOrganizationId),
  state: transfer.state,
  stateLabel: TRANSFER_STATE_LABELS[transfer.state],
  reason: transfer.reason,
  requestedAt: transfer.requestedAt,
  decidedAt: transfer.decidedAt ?? null,
  note: transfer.note ?? null,
});

export const memberReportView = (member: Member, report: CommunityReport) => ({
  id: String(report._id),
  kind: 'MEMBER' as const,
  kindLabel: DOUBLE_REPORT_KIND_LABELS.MEMBER,
  community: orgRef(report.communityId),
  member,
  unit: member.unitOrganizationId ? orgRef(member.unitOrganizationId) : null,
  since: report.since,
  until: report.until ?? null,
  active: !report.until,
});

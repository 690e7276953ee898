// Monthly caps, independent of the order events arrive in. An account's month keeps the sum of
// everything requested (earnings, and reversals as negative requests); what the month grants is
// min(cap, requested). Each entry is granted the step it causes in that value, so however the
// entries of several partitions interleave, live or in a replay, the month's granted total is
// the same: the steps telescope to min(cap, final requested sum).
//
// An entry beyond the cap is still written, with `capped: true` and the points it actually
// moved (0 when the month was already full): the ledger shows what was earned and what was
// cut, and a later reversal that frees room gives it back in the reversal's own step.

export function cappedTotal(cap: number | null, requested: number): number {
  return cap === null ? requested : Math.min(cap, requested);
}

export function grantFor(cap: number | null, requestedBefore: number, requested: number): number {
  return cappedTotal(cap, requestedBefore + requested) - cappedTotal(cap, requestedBefore);
}

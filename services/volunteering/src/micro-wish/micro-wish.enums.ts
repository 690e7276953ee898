// 微心愿: a resident's or rider's small wish, collected by the community, claimed by a member,
// fulfilled. The wisher stays anonymous here: a kind, never a name or a phone number.
export const MICRO_WISH_STATE_LABELS = {
  COLLECTED: '已征集',
  CLAIMED: '已认领',
  FULFILLED: '已完成',
  CANCELLED: '已撤销',
} as const;
export type MicroWishState = keyof typeof MICRO_WISH_STATE_LABELS;
export const MICRO_WISH_STATES = Object.keys(MICRO_WISH_STATE_LABELS) as MicroWishState[];

export const WISHER_KIND_LABELS = {
  RESIDENT: '社区居民',
  ELDERLY: '困难老人',
  CHILD: '困境儿童',
  DELIVERY_RIDER: '外卖骑手',
  COURIER: '快递员',
  OTHER: '其他',
} as const;
export type WisherKind = keyof typeof WISHER_KIND_LABELS;
export const WISHER_KINDS = Object.keys(WISHER_KIND_LABELS) as WisherKind[];

export const MICRO_WISH_STEPS = {
  claim: { from: ['COLLECTED'], to: 'CLAIMED', label: 'claiming' },
  fulfill: { from: ['CLAIMED'], to: 'FULFILLED', label: 'fulfilment' },
  cancel: { from: ['COLLECTED', 'CLAIMED'], to: 'CANCELLED', label: 'cancellation' },
} as const satisfies Record<string, { from: MicroWishState[]; to: MicroWishState; label: string }>;
export type MicroWishStep = keyof typeof MICRO_WISH_STEPS;

export function microWishStepProblem(state: MicroWishState, step: MicroWishStep): string | null {
  const { from, label } = MICRO_WISH_STEPS[step];
  if ((from as readonly MicroWishState[]).includes(state)) return null;
  return `The wish is ${state} (${MICRO_WISH_STATE_LABELS[state]}); ${label} needs ${from.join(' or ')}`;
}

// 微心愿: a resident's or rider's small wish, collected by the community, claimed by a member,
// fulfilled. The wisher stays anonymous here: a kind, never a name or a phone number.
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

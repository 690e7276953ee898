// 微心愿: "广泛征集外卖配送员的微心愿近80个，截至目前已完成50余个" (6月上旬).
import { addDays, DAY_MS, shanghaiInstant } from '@jiceng/calendar';
import type { MicroWish } from '../micro-wish/micro-wish.schema';
import type { WisherKind } from '../micro-wish/micro-wish.enums';
import { ADMIN, DEMO_WISHES, between, demoId, rng, type DemoInput } from './demo-kit';

const WISHES: [string, WisherKind][] = [
  ['一个新头盔', 'DELIVERY_RIDER'],
  ['一套雨衣雨裤', 'DELIVERY_RIDER'],
  ['手机充电宝', 'DELIVERY_RIDER'],
  ['保温饭盒', 'COURIER'],
  ['冬季防寒手套', 'COURIER'],
  ['电动车免费检修一次', 'DELIVERY_RIDER'],
  ['孩子的课外读物', 'DELIVERY_RIDER'],
  ['一次免费体检', 'COURIER'],
  ['学习使用智能手机', 'ELDERLY'],
  ['上门理发', 'ELDERLY'],
  ['书包和文具', 'CHILD'],
  ['家里换个节能灯', 'RESIDENT'],
];

export function microWishes(input: DemoInput): MicroWish[] {
  // "面向全区所有外卖配送行业从业人员…征集微心愿近80个，已完成50余个" (6月上旬).
  const market = input.communities.filter((c) => c.name.startsWith('市场'));
  const pool = market.length ? market : input.communities;
  return Array.from({ length: DEMO_WISHES.total }, (_, i) => {
    const random = rng(`wish:${i}`);
    const [title, wisherKind] = WISHES[i % WISHES.length];
    const community = pool[i % pool.length];
    const collectedAt = shanghaiInstant(
      addDays('2023-06-01', between(random, 0, 9)),
      between(random, 9, 17),
    );
    const state =
      i < DEMO_WISHES.fulfilled
        ? 'FULFILLED'
        : i < DEMO_WISHES.fulfilled + DEMO_WISHES.claimed
          ? 'CLAIMED'
          : 'COLLECTED';
    const member = input.members.length ? input.members[(i * 31) % input.members.length]._id : null;
    const claimedAt =
      state === 'COLLECTED'
        ? null
        : new Date(collectedAt.getTime() + between(random, 1, 5) * DAY_MS);
    const fulfilledAt =
      state === 'FULFILLED' && claimedAt
        ? new Date(claimedAt.getTime() + between(random, 1, 10) * DAY_MS)
        : null;
    return {
      _id: demoId(`wish/${i}`),
      communityId: community._id,
      title,
      description: null,
      wisherKind,
      state,
      collectedAt,
      collectedBy: ADMIN,
      memberId: state === 'COLLECTED' ? null : member,
      claimedAt,
      fulfilledAt,
      fulfillmentNote: fulfilledAt ? `${title}已送到，骑手表示感谢` : null,
      updatedAt: fulfilledAt ?? claimedAt ?? collectedAt,
    };
  });
}

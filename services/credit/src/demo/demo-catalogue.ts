import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { CatalogueItem } from '../redemption/redemption.schemas';

// What the 运河区 communities offer for points: 米、面、油、毛巾 and a partner's car-wash coupon.
const ITEMS: Pick<
  CatalogueItem,
  'code' | 'name' | 'category' | 'unit' | 'pricePoints' | 'stock'
>[] = [
  { code: 'RICE', name: '大米（5kg）', category: 'GOODS', unit: '袋', pricePoints: 200, stock: 40 },
  {
    code: 'FLOUR',
    name: '面粉（5kg）',
    category: 'GOODS',
    unit: '袋',
    pricePoints: 150,
    stock: 40,
  },
  {
    code: 'OIL',
    name: '食用油（1.8L）',
    category: 'GOODS',
    unit: '桶',
    pricePoints: 180,
    stock: 30,
  },
  { code: 'TOWEL', name: '毛巾', category: 'GOODS', unit: '条', pricePoints: 30, stock: 200 },
  {
    code: 'CAR_WASH',
    name: '洗车券（合作商家）',
    category: 'COUPON',
    unit: '张',
    pricePoints: 50,
    stock: 100,
  },
];

/** Ids derive from the community and the item code, so loading twice inserts nothing new. */
export function demoCatalogue(
  communityId: string,
  createdAt: Date,
): Omit<CatalogueItem, 'pending'>[] {
  return ITEMS.map((item) => ({
    ...item,
    _id: new Types.ObjectId(
      createHash('sha256')
        .update(`jiceng-credit-demo:${communityId}:${item.code}`)
        .digest('hex')
        .slice(0, 24),
    ),
    communityId,
    active: true,
    createdAt,
  }));
}

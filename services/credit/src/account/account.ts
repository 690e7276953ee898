// A ledger account is named by its kind and the id of what it belongs to, e.g.
// `MEMBER:64b0…`: the same string keys entries, monthly totals and wallets.
export const ACCOUNT_KINDS = ['MEMBER', 'ORGANIZATION', 'FIRM'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  MEMBER: '党员',
  ORGANIZATION: '党组织',
  FIRM: '施工总承包企业',
};

export interface AccountRef {
  kind: AccountKind;
  id: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

export function accountKey(kind: AccountKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseAccount(key: string): AccountRef | null {
  const [kind, id, ...rest] = key.split(':');
  if (rest.length || !ACCOUNT_KINDS.includes(kind as AccountKind) || !OBJECT_ID.test(id ?? ''))
    return null;
  return { kind: kind as AccountKind, id };
}

/** The id of an account's total for one month: `MEMBER:64b0…|2023-06`. */
export function monthTotalId(account: string, month: string): string {
  return `${account}|${month}`;
}

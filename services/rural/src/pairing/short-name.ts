/** 安新第一村党支部 → 安新第一村: an organization's name without its party-organization form. */
export const shortName = (name: string) => name.replace(/(党支部|党总支|党工委|党委)$/, '');

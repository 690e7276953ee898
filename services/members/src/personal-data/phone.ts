// Mainland mobile numbers: 11 digits starting 13–19; a +86/0086 prefix and separators are dropped.
const MOBILE = /^1[3-9][0-9]{9}$/;

export function normalizePhone(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

export function phoneProblem(value: string): string | null {
  return MOBILE.test(normalizePhone(value)) ? null : 'must be a mainland mobile number (11 digits)';
}

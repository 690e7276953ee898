// The bearer token of the page: in sessionStorage, so that it lives as long as the tab and is
// not left behind in the browser's profile (a shared office machine) as localStorage would be.
const KEY = 'jiceng.explorer.token';

export function storedToken(): string {
  return sessionStorage.getItem(KEY) ?? '';
}

export function storeToken(token: string): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

export function authorizationHeader(token: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

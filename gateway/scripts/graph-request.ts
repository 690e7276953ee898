// What the command-line tools (import, open data) send the gateway: one GraphQL operation with
// the caller's token, as any client would.

export interface GraphAnswer<T> {
  data?: T;
  errors?: {
    message: string;
    extensions?: { code?: string; fields?: { field: string; message: string }[] };
  }[];
}
export type GraphRequest = <T = any>(query: string, variables?: object) => Promise<GraphAnswer<T>>;

export function gatewayRequest(url: string, token: string): GraphRequest {
  return async <T>(query: string, variables?: object) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphAnswer<T>;
  };
}

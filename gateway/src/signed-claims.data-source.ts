import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLAIMS_HEADER, signClaims, type Claims } from '@jiceng/auth';

export interface GatewayContext {
  claims: Claims;
}

/**
 * Sends each subgraph request with the caller's verified claims, signed with the shared secret.
 * Client headers are never forwarded, so a client-supplied claims header cannot reach a subgraph.
 */
export class SignedClaimsDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly claimsSecret: string,
  ) {
    // Node's fetch (undici) pools keep-alive connections per subgraph origin.
    super({ url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.claims) return; // the gateway's own requests (none with a static supergraph)
    request.http?.headers.set(CLAIMS_HEADER, signClaims(context.claims, this.claimsSecret));
  }
}

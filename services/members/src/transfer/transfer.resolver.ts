import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { DecideTransferInput, RequestTransferInput } from './dto/transfer.inputs';
import { TransferService } from './transfer.service';

@Resolver()
export class TransferResolver {
  constructor(private readonly transfers: TransferService) {}

  @Mutation('requestTransfer')
  request(@Args('input') input: RequestTransferInput, @Context() ctx: GraphQLContext) {
    return this.transfers.request(input, ctx.claims);
  }

  @Mutation('acceptTransfer')
  accept(@Args('input') input: DecideTransferInput, @Context() ctx: GraphQLContext) {
    return this.transfers.accept(input, ctx.claims);
  }

  @Mutation('rejectTransfer')
  reject(@Args('input') input: DecideTransferInput, @Context() ctx: GraphQLContext) {
    return this.transfers.reject(input, ctx.claims);
  }
}

import { IsLine, IsText } from '@jiceng/graphql';
import { IsEnum, IsMongoId, IsOptional } from 'class-validator';
import { MICRO_WISH_STEPS, type MicroWishState } from '../micro-wish-steps';
import { WISHER_KINDS, type WisherKind } from '../micro-wish.enums';

export class CollectMicroWishInput {
  @IsMongoId()
  communityId!: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  description?: string;

  @IsEnum(WISHER_KINDS)
  wisherKind!: WisherKind;
}

export class MicroWishIdInput {
  @IsMongoId()
  id!: string;
}

export class FulfillMicroWishInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  note!: string;
}

export class CancelMicroWishInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class MicroWishFilter {
  @IsOptional()
  @IsEnum(MICRO_WISH_STEPS.states, { each: true })
  states?: MicroWishState[];
}

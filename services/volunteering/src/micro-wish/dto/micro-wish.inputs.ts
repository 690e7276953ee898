import { IsEnum, IsMongoId, IsOptional, IsString, Length } from 'class-validator';
import {
  MICRO_WISH_STATES,
  WISHER_KINDS,
  type MicroWishState,
  type WisherKind,
} from '../micro-wish.enums';

export class CollectMicroWishInput {
  @IsMongoId()
  communityId!: string;

  @IsString()
  @Length(2, 100)
  title!: string;

  @IsOptional()
  @IsString()
  @Length(0, 1000)
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

  @IsString()
  @Length(2, 500)
  note!: string;
}

export class CancelMicroWishInput {
  @IsMongoId()
  id!: string;

  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class MicroWishFilter {
  @IsOptional()
  @IsEnum(MICRO_WISH_STATES, { each: true })
  states?: MicroWishState[];
}

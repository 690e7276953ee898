import { IsName } from '@jiceng/graphql';
import { IsIn, IsInt, IsMongoId, IsOptional, Matches, Max, Min } from 'class-validator';
import { CATALOGUE_CATEGORIES, type CatalogueCategory } from '../redemption.schemas';

export class PlaceOrderInput {
  @IsMongoId()
  itemId!: string;

  @IsInt()
  @Min(1)
  @Max(20)
  quantity!: number;

  @IsOptional()
  @IsMongoId()
  memberId?: string;
}

export class AddCatalogueItemInput {
  @IsMongoId()
  communityId!: string;

  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { message: 'code must be upper-case letters, digits or _' })
  code!: string;

  @IsName({ max: 50 })
  name!: string;

  @IsIn(CATALOGUE_CATEGORIES)
  category!: CatalogueCategory;

  @IsName({ max: 20 })
  unit!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  pricePoints!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stock!: number;
}

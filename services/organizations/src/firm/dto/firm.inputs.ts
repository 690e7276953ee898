import { IsName, TextLimit, type TextOptions } from '@jiceng/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsMongoId, IsOptional, Matches } from 'class-validator';
import { normalizeCreditCode } from '../credit-code';
import { FIRM_STATUSES, type FirmStatus } from '../firm.enums';
import { IsCreditCode } from './credit-code.validator';

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };
const toCreditCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeCreditCode(value) : value;

export class CreateConstructionFirmInput {
  @IsName(NAME_LENGTH)
  name!: string;

  @Transform(toCreditCode)
  @IsCreditCode()
  creditCode!: string;

  @IsOptional()
  @IsMongoId()
  organizationId?: string;
}

export class UpdateConstructionFirmInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @IsOptional()
  @IsMongoId()
  organizationId?: string;

  @IsOptional()
  @IsEnum(FIRM_STATUSES)
  status?: FirmStatus;
}

export class ConstructionFirmFilter {
  @IsOptional()
  @IsName({ max: 50 })
  nameContains?: string;

  @IsOptional()
  @IsEnum(FIRM_STATUSES)
  status?: FirmStatus;

  @IsOptional()
  @Matches(/^[0-9]{1,6}$/, { message: 'registrationRegionPrefix must be 1 to 6 digits' })
  registrationRegionPrefix?: string;
}

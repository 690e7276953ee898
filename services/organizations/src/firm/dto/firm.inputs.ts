import { Transform } from 'class-transformer';
import { IsEnum, IsMongoId, IsOptional, IsString, Length, Matches } from 'class-validator';
import { normalizeCreditCode } from '../credit-code';
import { FIRM_STATUSES, type FirmStatus } from '../firm.enums';
import { IsCreditCode } from './credit-code.validator';

const NAME_LENGTH: [number, number] = [2, 100];
const toCreditCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeCreditCode(value) : value;

export class CreateConstructionFirmInput {
  @IsString()
  @Length(...NAME_LENGTH)
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
  @IsString()
  @Length(...NAME_LENGTH)
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
  @IsString()
  @Length(1, 50)
  nameContains?: string;

  @IsOptional()
  @IsEnum(FIRM_STATUSES)
  status?: FirmStatus;

  @IsOptional()
  @Matches(/^[0-9]{1,6}$/, { message: 'registrationRegionPrefix must be 1 to 6 digits' })
  registrationRegionPrefix?: string;
}

import { IsEnum, IsOptional, Matches } from 'class-validator';
import { IsYear } from '@jiceng/calendar';
import { RURAL_PROJECT_KINDS, type RuralProjectKind } from '../../project/project.enums';

export const REGION_PREFIX = /^\d{2}(\d{2}(\d{2})?)?$/;

export class RuralFundingFilter {
  @IsOptional()
  @Matches(REGION_PREFIX, { message: 'must be 2, 4 or 6 digits of a GB/T 2260 code' })
  regionCode?: string;

  @IsOptional()
  @IsYear()
  year?: number;

  @IsOptional()
  @IsEnum(RURAL_PROJECT_KINDS, { each: true })
  kinds?: RuralProjectKind[];
}

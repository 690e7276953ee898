import { IsDate, IsMongoId, IsOptional } from 'class-validator';

export class RegisterDoubleReportInput {
  @IsMongoId()
  communityId!: string;

  @IsOptional()
  @IsMongoId()
  memberId?: string;

  @IsOptional()
  @IsMongoId()
  unitOrganizationId?: string;

  @IsDate()
  since!: Date;
}

export class EndDoubleReportInput {
  @IsMongoId()
  id!: string;

  @IsDate()
  until!: Date;
}

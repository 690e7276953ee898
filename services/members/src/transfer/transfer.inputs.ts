import { IsMongoId, IsOptional, IsString, Length } from 'class-validator';

export class RequestTransferInput {
  @IsMongoId()
  memberId!: string;

  @IsMongoId()
  toOrganizationId!: string;

  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class DecideTransferInput {
  @IsMongoId()
  transferId!: string;

  @IsOptional()
  @IsString()
  @Length(2, 500)
  note?: string;
}

import { IsDate, IsMongoId } from 'class-validator';

export class AssignFloatingInput {
  @IsMongoId()
  memberId!: string;

  @IsMongoId()
  projectBranchId!: string;

  @IsDate()
  from!: Date;
}

export class EndFloatingInput {
  @IsMongoId()
  memberId!: string;

  @IsDate()
  to!: Date;
}

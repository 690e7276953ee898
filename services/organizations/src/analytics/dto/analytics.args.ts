import { IsMongoId } from 'class-validator';

export class OrganizationStatsArgs {
  @IsMongoId()
  rootId!: string;
}

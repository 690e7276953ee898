import { IsName } from '@jiceng/graphql';
import { ArrayMaxSize, IsInt, IsMongoId, IsOptional, Min } from 'class-validator';

export class CreateHelpTeamInput {
  /** A community, or a grid or compound branch below it. */
  @IsMongoId()
  organizationId!: string;

  @IsName()
  name!: string;

  @IsMongoId({ each: true })
  @ArrayMaxSize(100)
  memberIds!: string[];

  /** Display labels only (网格员 "3号网格员"), no personal data. */
  @IsName({ each: true, max: 40 })
  @ArrayMaxSize(50)
  gridWorkers!: string[];

  /** Display labels only (热心群众 "理发 王师傅"), no personal data. */
  @IsName({ each: true, max: 40 })
  @ArrayMaxSize(100)
  residents!: string[];
}

export class UpdateHelpTeamInput {
  @IsMongoId()
  id!: string;

  /** The version read; a stale one is CONFLICT. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsMongoId({ each: true })
  @ArrayMaxSize(100)
  memberIds?: string[];

  @IsOptional()
  @IsName({ each: true, max: 40 })
  @ArrayMaxSize(50)
  gridWorkers?: string[];

  @IsOptional()
  @IsName({ each: true, max: 40 })
  @ArrayMaxSize(100)
  residents?: string[];
}

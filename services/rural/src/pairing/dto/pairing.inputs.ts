import { IsName } from '@jiceng/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsMongoId, IsOptional } from 'class-validator';
import { IsIsoDate } from '@jiceng/calendar';

export class CreateRuralPairingInput {
  @IsName({ min: 2 })
  program!: string;

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsMongoId({ each: true })
  villageIds!: string[];

  @IsIsoDate()
  startedOn!: string;
}

export class RuralPairingFilter {
  @IsOptional()
  @IsName()
  program?: string;
}

import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsMongoId,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { IsIsoDate } from '../shared/shanghai';

export class CreateRuralPairingInput {
  @IsString()
  @Length(2, 100)
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
  @IsString()
  @Length(1, 100)
  program?: string;
}

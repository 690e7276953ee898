import { IsName } from '@jiceng/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber } from 'class-validator';
import { IsPeriod } from '@jiceng/calendar';
import type { TemplateInput } from '../rating-template.rules';

// The aspects' structure is checked by templateProblems, which names paths such as
// `input.aspects[1].criteria[2].maxScore`.
export class CreateRatingTemplateInput implements TemplateInput {
  @IsName({ min: 2 })
  name!: string;

  @IsPeriod(['QUARTER'])
  effectiveFrom!: string;

  @IsNumber()
  fiveStarMinScore!: number;

  @IsNumber()
  fourStarMinScore!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  aspects!: TemplateInput['aspects'];
}

import { IsName } from '@jiceng/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../period';
import type { TemplateInput } from '../rating-template.rules';

// The aspects' structure is checked by templateProblems, which names paths such as
// `input.aspects[1].criteria[2].maxScore`.
export class CreateRatingTemplateInput implements TemplateInput {
  @IsName({ min: 2 })
  name!: string;

  @Matches(PERIOD_PATTERN, { message: 'must be a quarter written YYYY-Qn, e.g. 2023-Q2' })
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

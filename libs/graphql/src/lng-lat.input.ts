import { IsNumber, Max, Min } from 'class-validator';

/** The validated shape of common.graphql's `LngLatInput`: WGS 84 degrees. */
export class LngLatInput {
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude!: number;

  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude!: number;
}

import { IsName, IsText, ListOf, TextLimit, type TextOptions } from '@jiceng/graphql';
import { IsDate, IsEnum, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';
import {
  JOINT_PROJECT_STATUSES,
  PAIRING_KINDS,
  type JointProjectStatus,
  type PairingKind,
} from '../pairing.enums';

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };
const TEXT_LENGTH: TextOptions = { min: 1, max: 1000 };
const MAX_PARTIES = 50;
const MAX_ITEMS = 100;

export class PairingPartyInput {
  @IsMongoId()
  organizationId!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  partTimeCommitteeMembers?: number;
}

export class PairingListItemInput {
  @IsName(NAME_LENGTH)
  name!: string;

  @IsOptional()
  @IsText(TEXT_LENGTH)
  description?: string;

  @IsMongoId()
  organizationId!: string;
}

export class CreatePairingInput {
  @IsName(NAME_LENGTH)
  name!: string;

  @IsEnum(PAIRING_KINDS)
  kind!: PairingKind;

  @ListOf(() => PairingPartyInput, { min: 2, max: MAX_PARTIES })
  parties!: PairingPartyInput[];

  @ListOf(() => PairingListItemInput, { max: MAX_ITEMS, optional: true })
  resources?: PairingListItemInput[];

  @ListOf(() => PairingListItemInput, { max: MAX_ITEMS, optional: true })
  needs?: PairingListItemInput[];

  @IsOptional()
  @IsDate()
  startedAt?: Date;
}

export class UpdatePairingInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @ListOf(() => PairingListItemInput, { max: MAX_ITEMS, optional: true })
  resources?: PairingListItemInput[];

  @ListOf(() => PairingListItemInput, { max: MAX_ITEMS, optional: true })
  needs?: PairingListItemInput[];
}

export class AddJointProjectInput {
  @IsMongoId()
  pairingId!: string;

  @IsName(NAME_LENGTH)
  name!: string;

  @IsOptional()
  @IsText(TEXT_LENGTH)
  description?: string;

  @IsOptional()
  @IsText(TEXT_LENGTH)
  note?: string;

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class ChangeJointProjectStatusInput {
  @IsMongoId()
  pairingId!: string;

  @IsMongoId()
  jointProjectId!: string;

  @IsEnum(JOINT_PROJECT_STATUSES)
  status!: JointProjectStatus;

  @IsOptional()
  @IsDate()
  at?: Date;

  @IsOptional()
  @IsText(TEXT_LENGTH)
  note?: string;
}

export class EndPairingInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;

  @IsOptional()
  @IsDate()
  endedAt?: Date;
}

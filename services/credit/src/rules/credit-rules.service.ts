import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { badUserInput } from '@jiceng/graphql';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { createOrConflict } from '@jiceng/workflow';
import { CREDIT_RULES_V1, ruleAt, storedRule, type CreditRuleSet } from './credit-rules';
import { CREDIT_RULES_MODEL, type CreditRulesDoc } from './credit-rules.schema';
import { publishProblems, SAME_FIELDS, type InputFields } from './publish-input';

/**
 * A new version must take effect at least this long after it is published. Approvals reviewed
 * before that instant keep the rules they were reviewed under, so a version never rewrites past
 * entries, and a cache loaded at T is exact for every instant before T + MIN_NOTICE_MS.
 */
export const MIN_NOTICE_MS = 60_000;

@Injectable()
export class CreditRulesService implements OnModuleInit {
  private cache: CreditRuleSet[] = [];
  private loadedAt = 0;

  constructor(@InjectModel(CREDIT_RULES_MODEL) private readonly model: Model<CreditRulesDoc>) {}

  /** Every database starts with v1, so every approval finds a version in force. */
  async onModuleInit(): Promise<void> {
    await seedRulesV1(this.model);
  }

  async all(): Promise<CreditRuleSet[]> {
    await this.reload();
    return this.cache;
  }

  /** The version in force at `instant`. */
  async at(instant: Date): Promise<CreditRuleSet> {
    if (instant.getTime() >= this.loadedAt + MIN_NOTICE_MS || !this.cache.length)
      await this.reload();
    const rule = ruleAt(this.cache, instant);
    if (!rule) throw new Error(`no credit rules in force at ${instant.toISOString()}`);
    return rule;
  }

  /**
   * Adds `rule` as a new version. `fields` names its problems by where the caller gave each field
   * (the GraphQL input's list of meeting points per kind is a map in the rule).
   */
  async publish(
    rule: CreditRuleSet,
    fields: InputFields = SAME_FIELDS,
    now = new Date(),
  ): Promise<CreditRuleSet> {
    const problems = publishProblems(rule, fields);
    if (rule.effectiveFrom.getTime() < now.getTime() + MIN_NOTICE_MS)
      problems.push({
        field: 'input.effectiveFrom',
        message: `must be at least ${MIN_NOTICE_MS / 1000} s in the future: rules never apply backwards`,
      });
    if (problems.length) throw badUserInput(problems);
    await createOrConflict(
      this.model,
      { ...rule, _id: rule.version, createdAt: now },
      `A version named ${rule.version} or taking effect at that instant exists`,
    );
    await this.reload();
    return rule;
  }

  private async reload(): Promise<void> {
    const loadedAt = Date.now();
    const docs = await this.model.find().sort({ effectiveFrom: 1 }).lean<CreditRulesDoc[]>();
    this.cache = docs.map(({ _id: _ignored, createdAt: _created, ...rule }) => storedRule(rule));
    this.loadedAt = loadedAt;
  }
}

export async function seedRulesV1(model: Model<CreditRulesDoc>): Promise<boolean> {
  try {
    const res = await model.updateOne(
      { _id: CREDIT_RULES_V1.version },
      { $setOnInsert: { ...CREDIT_RULES_V1, createdAt: new Date() } },
      { upsert: true },
    );
    return res.upsertedCount > 0;
  } catch (error) {
    // Another process seeded it at the same moment.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

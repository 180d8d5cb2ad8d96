import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { instabilityRules, type InstabilityKind as InstabilityKindName, type UnstableRunReport } from '@sweepscope/conclusions';
import { RunAddress } from './run-address.type.js';

/** Why a run that trained to its end did not learn. */
export enum InstabilityKind {
  CHANCE = 'chance',
  LOSS_ROSE = 'loss-rose',
  LOSS_EXPLODED = 'loss-exploded',
}
registerEnumType(InstabilityKind, {
  name: 'InstabilityKind',
  description:
    'Why a run that trained to its end is unstable. CHANCE: its best validation accuracy stayed within ' +
    `${instabilityRules.chanceStandardErrors} binomial standard errors of 1 / classes. LOSS_ROSE: its training loss ended more than ` +
    `${instabilityRules.lossRiseFactor} × its first epoch's. LOSS_EXPLODED: its training loss passed the sweep's divergence limit, yet it was recorded succeeded (trained before the rule, or imported).`,
});

/** Why a run did not learn, as its own field. */
@ObjectType({
  description:
    "Why a run that trained to its end did not learn, by the conclusions' rules: the rule, the reason in words, and the value held against its threshold.",
})
export class RunInstability {
  @Field(() => InstabilityKind)
  kind!: InstabilityKindName;

  @Field(() => String, { description: 'The reason as a clause, with its numbers.' })
  reason!: string;

  @Field(() => Float, { description: 'What the rule looked at: best validation accuracy (CHANCE, 0–1) or training loss (nats).' })
  value!: number;

  @Field(() => Float, { description: 'The threshold it was held against, in the same unit.' })
  limit!: number;
}

/** A run that succeeded but did not learn. */
@ObjectType({ description: 'A run that trained to its end but did not learn: left out of every ranking, fit and diagnosis, listed here with its numbers.' })
export class UnstableRun extends RunAddress implements Omit<UnstableRunReport, 'kind'> {
  @Field(() => InstabilityKind)
  kind!: InstabilityKindName;

  @Field(() => String, { description: 'The reason as a clause, with its numbers.' })
  reason!: string;

  @Field(() => Float, { description: 'What the rule looked at: best validation accuracy (CHANCE, 0–1) or training loss (nats).' })
  value!: number;

  @Field(() => Float, { description: 'The threshold it was held against, in the same unit.' })
  limit!: number;

  @Field(() => Float, { description: "Its last epoch's training loss, in nats." })
  finalLoss!: number;

  @Field(() => Float, { description: "Its last epoch's validation accuracy, 0–1." })
  finalValAccuracy!: number;

  @Field(() => Float, { description: 'Its best validation accuracy, 0–1.' })
  bestValAccuracy!: number;
}

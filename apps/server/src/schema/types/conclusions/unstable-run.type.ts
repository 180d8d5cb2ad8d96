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

// TypeScript accepts a class as a mixin's base only with a constructor of `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = abstract new (...args: any[]) => T;

/**
 * Adds the fields that say why a run did not learn to a base class: the run's own
 * `instability` object has them alone, an unstable run of the conclusions beside its
 * address and final numbers. A mixin, since a class extends one base and type-graphql
 * reads fields from the chain.
 */
function withInstability<Base extends Constructor>(base: Base) {
  @ObjectType({ simpleResolvers: true })
  abstract class WithInstability extends base {
    @Field(() => InstabilityKind)
    kind!: InstabilityKindName;

    @Field(() => String, { description: 'The reason as a clause, with its numbers.' })
    reason!: string;

    @Field(() => Float, { description: 'What the rule looked at: best validation accuracy (CHANCE, 0–1) or training loss (nats).' })
    value!: number;

    @Field(() => Float, { description: 'The threshold it was held against, in the same unit.' })
    limit!: number;
  }
  return WithInstability;
}

/** Why a run did not learn, as its own field. */
@ObjectType({
  simpleResolvers: true,
  description:
    "Why a run that trained to its end did not learn, by the conclusions' rules: the rule, the reason in words, and the value held against its threshold.",
})
export class RunInstability extends withInstability(class {}) {}

/** A run that succeeded but did not learn. */
@ObjectType({
  simpleResolvers: true,
  description: 'A run that trained to its end but did not learn: left out of every ranking, fit and diagnosis, listed here with its numbers.',
})
export class UnstableRun extends withInstability(RunAddress) implements Omit<UnstableRunReport, 'kind'> {
  @Field(() => Float, { description: "Its last epoch's training loss, in nats." })
  finalLoss!: number;

  @Field(() => Float, { description: "Its last epoch's validation accuracy, 0–1." })
  finalValAccuracy!: number;

  @Field(() => Float, { description: 'Its best validation accuracy, 0–1.' })
  bestValAccuracy!: number;
}

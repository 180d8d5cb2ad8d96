import { registerEnumType } from 'type-graphql';

/** How a run's training stopped part-way. Values match the database's `InterruptionKind` enum, names are GraphQL-style. */
export enum InterruptionKind {
  RECLAIMED = 'reclaimed',
  RELEASED = 'released',
  RETRIED = 'retried',
}
registerEnumType(InterruptionKind, {
  name: 'InterruptionKind',
  description: 'How a run came to stop part-way and be queued again to resume from its checkpoint.',
  valuesConfig: {
    RECLAIMED: { description: 'Its worker stopped answering (killed, paused, cut off) and its lease ran out, or its worker pool saw the process die.' },
    RELEASED: { description: 'Its worker was told to stop and gave the run back.' },
    RETRIED: { description: 'A person retried it after it failed or was cancelled, keeping its epochs.' },
  },
});

import { graphql } from './graphql';
import { SweepSettingsFragment } from './sweep-settings.fragment';

/**
 * One sweep's settings (masked {@link SweepSettingsFragment}) and the cursor of
 * its newest event when read, after which a page subscribes to
 * `sweepEvents`. `sweep` is null for an unknown id.
 */
export const SweepSettingsQuery = graphql(
  `
    query SweepSettings($id: ID!) {
      sweep(id: $id) {
        ...SweepSettings
        eventCursor
      }
    }
  `,
  [SweepSettingsFragment],
);

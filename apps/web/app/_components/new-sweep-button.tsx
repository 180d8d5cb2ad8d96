'use client';

import { useUrlState } from '@/lib/use-url-state';

import { sweepListUrlState } from './sweep-list-url-state';

/** Opens the New sweep form (`?new=1`); pressed while it is open, and then closes it. */
export function NewSweepButton() {
  const [{ new: open }, setUrlState] = useUrlState(sweepListUrlState);
  return (
    <button type="button" className="button button-primary" aria-expanded={open} aria-controls="new-sweep-panel" onClick={() => setUrlState({ new: !open })}>
      New sweep
    </button>
  );
}

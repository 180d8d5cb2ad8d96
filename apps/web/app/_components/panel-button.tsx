'use client';

import type { ReactNode } from 'react';

import { useUrlState } from '@/lib/use-url-state';

import { sweepListUrlState } from './sweep-list-url-state';

/** Props of {@link PanelButton}. */
export interface PanelButtonProps {
  /** The panel's switch in the URL: `new` opens the New sweep form (`?new=1`), `import` the Import panel. */
  panel: 'new' | 'import';
  /** The panel's element id. */
  controls: string;
  primary?: boolean;
  children: ReactNode;
}

/** Opens one of the Sweeps page's panels; pressed while it is open, it closes it. Opening one closes the other. */
export function PanelButton({ panel, controls, primary = false, children }: PanelButtonProps) {
  const [state, setUrlState] = useUrlState(sweepListUrlState);
  const open = state[panel];
  return (
    <button
      type="button"
      className={`button${primary ? ' button-primary' : ''}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setUrlState({ new: panel === 'new' && !open, import: panel === 'import' && !open })}
    >
      {children}
    </button>
  );
}

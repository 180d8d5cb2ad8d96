import type { Metadata } from 'next';

import { SweepView } from './_components/sweep-view';

export const metadata: Metadata = { title: 'Sweep' };

/** Props Next.js passes to this page. */
export interface SweepPageProps {
  params: Promise<{ id: string }>;
}

/** One sweep: its header, the live grid and the selected run's loss curves. */
export default async function SweepPage({ params }: SweepPageProps) {
  const { id } = await params;
  return <SweepView sweepId={id} />;
}

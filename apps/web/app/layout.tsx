import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { getEnv } from '@/env';

import { ConnectionBadge } from './_components/connection-badge';
import { UrqlProvider } from './_components/urql-provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Sweepscope', template: '%s · Sweepscope' },
  description: 'Batch size × learning rate sweeps of MobileNetV2, live',
};

/** Root layout: reads the API address per request and hands it to the urql provider. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request, never at build time: the API address comes from the
  // environment the server runs in, not the one `next build` ran in.
  await connection();
  const { apiUrl, wsUrl } = getEnv();
  return (
    <html lang="en">
      <body>
        <UrqlProvider apiUrl={apiUrl} wsUrl={wsUrl}>
          <header className="site-header">
            <Link href="/" className="brand">
              Sweepscope
            </Link>
            <nav aria-label="Pages" className="site-nav">
              <Link href="/">Sweeps</Link>
              <Link href="/runs" data-testid="nav-runs">
                Runs
              </Link>
            </nav>
            <ConnectionBadge />
          </header>
          <main className="site-main">{children}</main>
        </UrqlProvider>
      </body>
    </html>
  );
}

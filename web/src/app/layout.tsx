import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata = { title: 'GameTriggers', description: 'Sponsored campaigns for live game streams' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

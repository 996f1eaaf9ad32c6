import type { ReactNode } from 'react';
import './globals.css';

export const metadata = { title: 'GameTriggers', description: 'Sponsored campaigns for live game streams' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <a href="/">GameTriggers</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Renders the server page again every few seconds (a registration being completed elsewhere). */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}

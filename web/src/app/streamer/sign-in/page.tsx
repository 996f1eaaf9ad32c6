import { SignInPage } from '@/components/sign-in-page';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in: streamer · GameTriggers' };

export default function StreamerSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <SignInPage kind="STREAMER" searchParams={searchParams} />;
}

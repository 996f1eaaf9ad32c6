import { SignInPage } from '@/components/sign-in-page';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in: admin · GameTriggers' };

export default function AdminSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <SignInPage kind="ADMIN" searchParams={searchParams} />;
}

import { SignInPage } from '@/components/sign-in-page';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in: brand · GameTriggers' };

export default function BrandSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <SignInPage kind="BRAND" searchParams={searchParams} />;
}

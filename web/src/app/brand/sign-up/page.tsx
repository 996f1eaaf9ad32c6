import Link from 'next/link';
import { BrandSignUpForm } from '@/components/sign-up-forms';

export const metadata = { title: 'Sign up as a brand · GameTriggers' };

export default function BrandSignUpPage() {
  return (
    <div className="narrow">
      <h1>Sign up as a brand</h1>
      <p className="muted">
        Run sponsored campaigns on live game streams. Already have an account? <Link href="/brand/sign-in">Sign in</Link>
      </p>
      <BrandSignUpForm />
    </div>
  );
}

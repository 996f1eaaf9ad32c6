import Link from 'next/link';
import { StreamerSignUpForm } from '@/components/sign-up-forms';

export const metadata = { title: 'Sign up as a streamer · GameTriggers' };

export default function StreamerSignUpPage() {
  return (
    <div className="narrow">
      <h1>Sign up as a streamer</h1>
      <p className="muted">
        Get paid for sponsored overlays on your streams. Already have an account? <Link href="/streamer/sign-in">Sign in</Link>
      </p>
      <StreamerSignUpForm />
    </div>
  );
}

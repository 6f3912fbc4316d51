'use client';

import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { parseThrottledError, throttledMessage } from '@/lib/auth/throttle-message';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    const wait = parseThrottledError(result?.error);
    setError(wait === null ? 'Adresse e-mail ou mot de passe incorrect.' : throttledMessage(wait));
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-6" noValidate aria-describedby={error ? 'erreur-connexion' : undefined}>
      {error && (
        <div id="erreur-connexion" role="alert" className="rounded border-l-4 border-danger-600 bg-danger-50 p-4 text-danger-800">
          {error}
        </div>
      )}
      <div>
        <label htmlFor="email" className="block font-medium text-neutral-900">
          Adresse e-mail
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-2 block w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium text-neutral-900">
          Mot de passe
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-2 block w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-primary-700 px-4 py-3 font-semibold text-white hover:bg-primary-800 disabled:opacity-70"
      >
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}

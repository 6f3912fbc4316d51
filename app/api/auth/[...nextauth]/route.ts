import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads params synchronously; Next 16 passes them as a promise.
async function handler(request: NextRequest, context: Ctx) {
  const params = await context.params;
  return (NextAuth(authOptions()) as (r: NextRequest, c: { params: { nextauth: string[] } }) => Promise<Response>)(
    request,
    { params },
  );
}

export { handler as GET, handler as POST };

import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { inviteUser, listUsers } from '@/lib/admin/users';

export const GET = apiRoute(async ({ actor, request }) => {
  const { items, total, page, pageSize } = await listUsers(actor, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json({ items, total, page, pageSize });
});

export const POST = apiRoute(async ({ actor, request }) => {
  const invitation = await inviteUser(actor, await readJson(request));
  return NextResponse.json(invitation, {
    status: 201,
    headers: { Location: `/api/v1/admin/users/${invitation.user.id}`, 'Cache-Control': 'no-store' },
  });
});

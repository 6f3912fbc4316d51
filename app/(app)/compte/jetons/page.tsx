import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/labels';
import { isExpired, listTokens } from '@/lib/tokens/tokens';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenForm } from './revoke-token-form';

export const metadata: Metadata = { title: 'Jetons d’API' };

export default async function TokensPage() {
  const actor = await requireActor();
  const tokens = await listTokens(actor);
  return (
    <>
      <PageHeader
        title="Jetons d’API"
        description="Des jetons personnels pour que vos scripts, tableurs ou documents Grist lisent (ou modifient) les données de l’API avec exactement vos droits. Révoquez un jeton dès qu’il ne sert plus."
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <Card title="Créer un jeton" headingLevel={2}>
          <CreateTokenForm />
        </Card>
        <div>
          {tokens.length === 0 ? (
            <p>Vous n’avez aucun jeton.</p>
          ) : (
            <Table caption="Vos jetons">
              <THead>
                <Tr>
                  <Th>Nom</Th>
                  <Th>Droits</Th>
                  <Th>Créé le</Th>
                  <Th>Expire le</Th>
                  <Th>Dernière utilisation</Th>
                  <Th>
                    <span className="sr-only">Action</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {tokens.map((t) => (
                  <Tr key={t.id}>
                    <Th scope="row">{t.name}</Th>
                    <Td>{t.access === 'write' ? 'Lecture et écriture' : 'Lecture seule'}</Td>
                    <Td>{formatDate(t.createdAt)}</Td>
                    <Td>
                      {formatDate(t.expiresAt)}
                      {isExpired(t) && (
                        <>
                          {' '}
                          <Badge tone="danger">expiré</Badge>
                        </>
                      )}
                    </Td>
                    <Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Jamais'}</Td>
                    <Td>
                      <RevokeTokenForm id={t.id} name={t.name} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </div>
      </div>
    </>
  );
}

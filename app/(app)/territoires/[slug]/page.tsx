import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/authz/policy';
import { getTerritory } from '@/lib/territories/queries';
import { getPlanOverview } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import { TERRITORY_PHASE_LABELS, formatInteger } from '@/lib/labels';
import { PlanSummary } from '@/components/plans/plan-summary';
import { FranceMap } from '@/components/programme/france-map';
import { ButtonLink } from '@/components/ui/button';
import { ReportButtons } from '@/components/reports/report-buttons';
import { HealthStatusCell } from '@/components/health/health-status';
import { territoryHealthOf } from '@/lib/health/queries';

export const metadata: Metadata = { title: 'Territoire' };

export default async function TerritoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor();
  const [t, plan] = await Promise.all([orNotFound(getTerritory(actor, slug)), orNotFound(getPlanOverview(actor, slug))]);
  const health = await territoryHealthOf(t.id);
  return (
    <>
      <PageHeader
        title={t.name}
        description={`${t.regions.map((r) => r.name).join(' / ')} — départements ${t.departements
          .map((d) => `${d.name} (${d.code})`)
          .join(', ')}`}
        breadcrumbs={[{ href: '/territoires', label: 'Territoires' }, { href: `/territoires/${t.slug}`, label: t.name }]}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/territoires/${t.slug}/evolution`} variant="secondary">
              Évolution
            </ButtonLink>
            <ButtonLink href={`/territoires/${t.slug}/plan/calendrier`} variant="secondary">
              Calendrier
            </ButtonLink>
            <ReportButtons base={`/api/v1/territories/${t.slug}/report`} label="Dossier du comité de projet" />
          </div>
        }
      />
      <div className="mb-4" data-testid="territory-health">
        <span className="font-semibold">État : </span>
        <HealthStatusCell health={health} />
      </div>
      <div className="mb-6 flex flex-wrap gap-2">
        <Badge tone="primary">{TERRITORY_PHASE_LABELS[t.phase]}</Badge>
        {t.officialId && <Badge tone="neutral">Identifiant officiel {t.officialId}</Badge>}
        <Badge tone="neutral">{formatInteger(t.population)} habitants</Badge>
      </div>
      <PlanSummary slug={t.slug} plan={plan} />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card title="Gouvernance locale" headingLevel={2}>
          {t.governance.length === 0 ? (
            <p>Aucun membre enregistré.</p>
          ) : (
            <ul className="space-y-3">
              {t.governance.map((m) => (
                <li key={`${m.role}-${m.email}`}>
                  <span className="font-semibold">{m.name}</span> — {ROLE_LABELS[m.role]}
                  {m.title && <span className="block text-sm text-neutral-700">{m.title}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Copilotage régional" headingLevel={2}>
          {t.regionalCopilots.length === 0 ? (
            <p>Aucun copilote régional enregistré.</p>
          ) : (
            <ul className="space-y-3">
              {t.regionalCopilots.map((m) => (
                <li key={`${m.role}-${m.email}`}>
                  <span className="font-semibold">{m.name}</span> — {ROLE_LABELS[m.role]}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
      <section aria-labelledby="epci-titre">
        <h2 id="epci-titre" className="mb-4 text-xl font-bold">
          Intercommunalités ({t.epcis.length})
        </h2>
        {t.compositionIllustrative && (
          <p className="mb-4 text-sm text-neutral-700">Composition illustrative (données de démonstration).</p>
        )}
        <Table caption={`EPCI du territoire ${t.name}`} captionHidden>
          <THead>
            <Tr>
              <Th scope="col">EPCI</Th>
              <Th scope="col">SIREN</Th>
              <Th scope="col">Départements</Th>
              <Th scope="col">Communes</Th>
              <Th scope="col">Population</Th>
            </Tr>
          </THead>
          <TBody>
            {t.epcis.map((e) => (
              <Tr key={e.siren}>
                <Th scope="row">{e.name}</Th>
                <Td>{e.siren}</Td>
                <Td>{e.departementCodes.join(', ')}</Td>
                <Td>{e.communesCount}</Td>
                <Td>{formatInteger(e.population)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
        </div>
        <section aria-labelledby="carte-territoire">
          <h2 id="carte-territoire" className="mb-4 text-xl font-bold">
            Départements du territoire
          </h2>
          <FranceMap
            measureLabel={`Départements du territoire ${t.name}`}
            data={t.departements.map((d) => ({
              code: d.code,
              name: d.name,
              value: t.epcis.filter((e) => e.departementCodes.includes(d.code)).length,
              label: `${t.epcis.filter((e) => e.departementCodes.includes(d.code)).length} EPCI du territoire`,
            }))}
          />
          <ul className="mt-2 list-disc pl-6 text-sm">
            {t.departements.map((d) => (
              <li key={d.code}>
                {d.name} ({d.code})
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

'use client';
// Health of the territories at a glance for the overview: counts per status and the
// territories needing attention first, each with its reasons.
import { useSoftNavigation } from '@/components/navigation/soft-navigation';
import { Card } from '@/components/ui/card';
import { HEALTH_LABELS, type HealthStatus } from '@/lib/health/territory-health';
import { formatInteger } from '@/lib/labels';
import { HealthBadge } from './health-status';

const ORDER: HealthStatus[] = ['OFF_TRACK', 'TO_WATCH', 'ON_TRACK'];

export function ProgrammeHealth({
  counts,
  worst,
}: {
  counts: Record<HealthStatus, number>;
  worst: { slug: string; name: string; health: { status: HealthStatus; summary: string } }[];
}) {
  const onClick = useSoftNavigation();
  return (
    <Card title="État des territoires" headingLevel={2} className="mb-8">
      <ul className="mb-4 flex flex-wrap gap-4" aria-label="Nombre de territoires par état">
        {ORDER.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <HealthBadge status={s} />
            <span className="font-semibold">{formatInteger(counts[s])}</span>
            <span className="sr-only">territoires {HEALTH_LABELS[s].toLowerCase()}</span>
          </li>
        ))}
      </ul>
      {worst.length > 0 && (
        <>
          <h3 className="mb-2 font-semibold">Territoires à regarder en premier</h3>
          <ul className="space-y-1" onClick={onClick}>
            {worst.map((t) => (
              <li key={t.slug}>
                <HealthBadge status={t.health.status} />{' '}
                <a className="link" href={`/territoires/${t.slug}`}>
                  {t.name}
                </a>{' '}
                — {t.health.summary}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

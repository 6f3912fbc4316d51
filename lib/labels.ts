// French labels of the domain's codes, shared by pages, exports and messages.
import type {
  ActionPhase,
  ActionStatus,
  Axis,
  FinancingStatus,
  IndicatorKind,
  PlanStatus,
  PlanVersionStatus,
  Priority,
  TerritoryPhase,
  TerritoryStatus,
} from '@/lib/generated/prisma/enums';

export const AXIS_LABELS: Record<Axis, string> = {
  ECOLOGICAL_TRANSITION: 'Accélérer la transition écologique et énergétique',
  INNOVATION: "Faire des territoires des écosystèmes d'innovation ambitieux",
  SKILLS: 'Lever les freins au recrutement et développer les compétences',
  INDUSTRIAL_LAND: 'Mobiliser un foncier industriel adapté',
};

export const AXIS_SHORT_LABELS: Record<Axis, string> = {
  ECOLOGICAL_TRANSITION: 'Transition écologique',
  INNOVATION: 'Innovation',
  SKILLS: 'Compétences et recrutement',
  INDUSTRIAL_LAND: 'Foncier industriel',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'À venir',
  IN_PROGRESS: 'En cours',
  DONE: 'Réalisé',
  PAUSED: 'En pause',
  BLOCKED: 'Bloqué',
  LATE: 'En retard',
  ABANDONED: 'Abandonné',
};

export const ACTION_STATUS_TONES: Record<ActionStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  NOT_STARTED: 'neutral',
  IN_PROGRESS: 'info',
  DONE: 'success',
  PAUSED: 'neutral',
  BLOCKED: 'danger',
  LATE: 'warning',
  ABANDONED: 'neutral',
};

export const PHASE_LABELS: Record<ActionPhase, string> = {
  IDEA: 'Idée',
  STUDY: 'Étude',
  OPERATION: 'Opération',
};

export const PRIORITY_LABELS: Record<Priority, string> = { LOW: 'Basse', MEDIUM: 'Moyenne', HIGH: 'Haute' };

export const FINANCING_STATUS_LABELS: Record<FinancingStatus, string> = {
  PLANNED: 'Envisagé',
  REQUESTED: 'Demandé',
  GRANTED: 'Accordé',
  REFUSED: 'Refusé',
};

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  JOBS: 'Emplois créés',
  INVESTMENT: 'Investissement levé',
  HECTARES: 'Foncier mobilisé',
  PROJECTS: 'Projets accompagnés',
  OTHER: 'Autre',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: 'En rédaction',
  SUBMITTED: 'Soumis au binôme',
  LOCALLY_VALIDATED: 'Validé par le binôme, en revue régionale',
  CHANGES_REQUESTED: 'Modifications demandées',
  VALIDATED: 'Validé par la région',
};

export const VERSION_STATUS_LABELS: Record<PlanVersionStatus, string> = {
  SUBMITTED: 'Soumise au binôme',
  LOCALLY_VALIDATED: 'Validée par le binôme',
  CHANGES_REQUESTED: 'Modifications demandées',
  VALIDATED: 'Validée par la région',
  SUPERSEDED: 'Remplacée',
};

export const TERRITORY_PHASE_LABELS: Record<TerritoryPhase, string> = {
  RENEWED: 'Renouvelé (phase I)',
  NEW: 'Nouveau (phase II)',
};

export const TERRITORY_STATUS_LABELS: Record<TerritoryStatus, string> = {
  ACTIVE: 'Actif',
  SUSPENDED: 'Suspendu',
  ARCHIVED: 'Archivé',
};

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat('fr-FR');
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

export const formatEuros = (cents: number | bigint | null | undefined) =>
  cents === null || cents === undefined ? '—' : euro.format(Number(cents) / 100);
export const formatInteger = (n: number) => integer.format(n);
export const formatDate = (d: Date | string | null | undefined) => (d ? dateFormat.format(new Date(d)) : '—');
export const formatDateTime = (d: Date | string | null | undefined) => (d ? dateTimeFormat.format(new Date(d)) : '—');

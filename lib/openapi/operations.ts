// Every operation of /api/v1, declared from the same zod schemas the routes use: inputs from
// lib/<domain>/schemas.ts, outputs from lib/<domain>/contracts.ts (ADR 0022). A route file
// may only export its HTTP methods (Next.js), so its contract is declared here, and
// lib/openapi/document.test.ts checks that every route file and method is listed.
import { z } from 'zod';
import '@/lib/validation';
import type { ErrorStatus } from './errors';
import { actionFiltersSchema, actionCreateSchema, actionUpdateSchema, progressUpdateSchema, reorderSchema, versionField } from '@/lib/actions/schemas';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { actionHistoryEntrySchema, actionListItemSchema, actionSchema } from './action-schemas';
import { inviteUserSchema, updateUserSchema, userFiltersSchema } from '@/lib/admin/schemas';
import { invitationSchema, userPageSchema, userSchema } from '@/lib/admin/contracts';
import { resetPasswordSchema, resetRequestSchema } from '@/lib/account/schemas';
import { resetAcceptedSchema } from '@/lib/account/contracts';
import { commitmentActionsSchema, commitmentCreateSchema, commitmentFiltersSchema, commitmentUpdateSchema, deliveryUpdateSchema } from '@/lib/commitments/schemas';
import { commitmentListSchema, commitmentOverviewSchema, commitmentSchema } from '@/lib/commitments/contracts';
import { committeeCreateSchema, committeeFiltersSchema, committeeUpdateSchema } from '@/lib/committees/schemas';
import { committeePageSchema, committeeSchema } from '@/lib/committees/contracts';
import { preferencesSchema } from '@/lib/mail/preferences';
import { preferencesOutputSchema, unsubscribedSchema } from '@/lib/mail/contracts';
import { importReportSchema } from '@/lib/imports/contracts';
import { commentSchema, localDecisionSchema, regionalDecisionSchema, submitPlanSchema } from '@/lib/plans/schemas';
import {
  commentCreatedSchema,
  localDecisionResultSchema,
  planDiffSchema,
  planImportReportSchema,
  planOverviewSchema,
  regionalDecisionResultSchema,
  submittedSchema,
  versionDetailSchema,
  versionListSchema,
} from '@/lib/plans/contracts';
import { searchQuerySchema } from '@/lib/search/schemas';
import { searchResultsSchema } from '@/lib/search/contracts';
import { territoryListSchema, territorySchema } from '@/lib/territories/contracts';
import { createTokenSchema } from '@/lib/tokens/schemas';
import { createdTokenSchema, tokenListSchema } from '@/lib/tokens/contracts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A non-JSON body or response: its media type, described in words. */
export interface Media {
  contentType: string;
  description: string;
}

export interface ResponseSpec {
  description: string;
  /** A JSON body; or a file (`Media`); or nothing (204). */
  body?: z.ZodType | Media;
  headers?: Record<string, string>;
}

export interface Operation {
  method: Method;
  /** OpenAPI path: `/api/v1/actions/{id}`. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  /** `user` (default): a session cookie or a personal access token; `public`: no authentication. */
  auth?: 'user' | 'public';
  query?: z.ZodObject;
  body?: z.ZodType | Media;
  responses: Partial<Record<number, ResponseSpec>>;
  /** Errors besides those implied (401/403, and 404 with a path parameter, when authenticated; 400/413/415 with a body). */
  errors?: ErrorStatus[];
}

export const TAGS = {
  territories: { name: 'Territoires', description: 'Les territoires d’industrie dans le périmètre de l’appelant.' },
  actions: { name: 'Fiches actions', description: 'Les actions du plan d’un territoire : lecture, création, modification versionnée, historique.' },
  plans: { name: 'Plan et versions', description: 'Soumission, versions figées, validation locale et régionale, commentaires, comparaison.' },
  committees: { name: 'Comités régionaux', description: 'Les revues régionales : date, participants, décisions, actions examinées.' },
  commitments: { name: 'Engagements', description: 'Ce que chaque opérateur partenaire a promis et réalisé.' },
  exports: { name: 'Exports et dossiers', description: 'Exports CSV/XLSX des actions, dossiers de comité (DOCX, PDF) et fiche PDF.' },
  imports: { name: 'Imports', description: 'Import de la liste officielle des territoires (équipe nationale).' },
  search: { name: 'Recherche', description: 'Recherche dans le périmètre de l’appelant.' },
  admin: { name: 'Administration', description: 'Comptes utilisateurs (administrateurs nationaux).' },
  account: { name: 'Mon compte', description: 'Jetons d’API personnels, préférences de courriel, mot de passe oublié, désabonnement.' },
  meta: { name: 'Documentation', description: 'Ce document.' },
} as const;
export type Tag = keyof typeof TAGS;

const version = z.strictObject({ version: versionField });
const json = (description: string, body: z.ZodType, headers?: Record<string, string>): ResponseSpec => ({ description, body, headers });
const file = (contentType: string, description: string): ResponseSpec => ({
  description,
  body: { contentType, description },
  headers: { 'Content-Disposition': 'Pièce jointe et son nom de fichier.' },
});
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const created = (what: string) => ({ Location: `L’URL de ${what} créé(e).` });
const noContent: ResponseSpec = { description: 'Fait (sans corps).' };

const territoryQuery = z.object({ region: z.string().optional().meta({ description: 'Code INSEE d’une région (`76`).' }) });
const diffQuery = z.object({
  from: z.string().regex(/^[0-9]+$/).meta({ description: 'Numéro de la version de départ.' }),
  to: z.string().regex(/^[0-9]+$/).meta({ description: 'Numéro de la version d’arrivée.' }),
});
const csvQuery = programmeFiltersSchema.extend({
  sep: z.enum(['comma']).optional().meta({ description: '`comma` : virgules et points décimaux (sinon `;` et virgules décimales).' }),
});
const importQuery = z.object({
  dryRun: z.enum(['1', 'true']).optional().meta({ description: 'Aperçu : le même rapport, rien n’est écrit.' }),
  phase: z.enum(['1', '2']).optional().meta({ description: 'Phase du programme (2 par défaut).' }),
});
const packFilters = programmeFiltersSchema.pick({ region: true, axis: true, status: true, operator: true });

export const OPERATIONS: Operation[] = [
  // ------------------------------------------------------------------ territories
  { method: 'get', path: '/api/v1/territories', tag: 'territories', summary: 'Lister les territoires', query: territoryQuery, responses: { 200: json('Les territoires visibles, par nom.', territoryListSchema) } },
  { method: 'get', path: '/api/v1/territories/{slug}', tag: 'territories', summary: 'Lire un territoire', responses: { 200: json('Le territoire, sa composition et sa gouvernance.', territorySchema) } },

  // ------------------------------------------------------------------ actions
  {
    method: 'get',
    path: '/api/v1/territories/{slug}/actions',
    tag: 'actions',
    summary: 'Lister les actions du plan',
    description: 'Le plan de travail dans l’ordre du plan ; mêmes filtres que l’interface. Un filtre mal formé est ignoré.',
    query: actionFiltersSchema,
    responses: { 200: json('Les actions.', z.object({ items: z.array(actionListItemSchema) })) },
  },
  {
    method: 'post',
    path: '/api/v1/territories/{slug}/actions',
    tag: 'actions',
    summary: 'Créer une action',
    description: 'Chef·fe de projet du territoire seulement.',
    body: actionCreateSchema,
    responses: { 201: json('L’action créée (version 1).', actionSchema, created('l’action')) },
  },
  {
    method: 'put',
    path: '/api/v1/territories/{slug}/actions/order',
    tag: 'actions',
    summary: 'Réordonner le plan',
    description: 'Toutes les actions du plan de travail, dans le nouvel ordre. Ne change pas leurs versions.',
    body: reorderSchema,
    responses: { 204: noContent },
    errors: [409],
  },
  { method: 'get', path: '/api/v1/actions/{id}', tag: 'actions', summary: 'Lire une action', description: 'Archivées comprises.', responses: { 200: json('L’action.', actionSchema) } },
  {
    method: 'patch',
    path: '/api/v1/actions/{id}',
    tag: 'actions',
    summary: 'Modifier une action',
    description: 'Avec la `version` lue ; les listes données remplacent les anciennes. 409 si la version est périmée : rien n’est écrit.',
    body: actionUpdateSchema,
    responses: { 200: json('L’action (version + 1).', actionSchema) },
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/v1/actions/{id}/progress',
    tag: 'actions',
    summary: 'Mettre à jour l’avancement',
    description: 'Statut, valeurs d’indicateurs (datées), jalons réalisés.',
    body: progressUpdateSchema,
    responses: { 200: json('L’action.', actionSchema) },
    errors: [409],
  },
  { method: 'post', path: '/api/v1/actions/{id}/archive', tag: 'actions', summary: 'Archiver une action', body: version, responses: { 200: json('L’action archivée.', actionSchema) }, errors: [409] },
  { method: 'post', path: '/api/v1/actions/{id}/restore', tag: 'actions', summary: 'Restaurer une action', body: version, responses: { 200: json('L’action restaurée.', actionSchema) }, errors: [409] },
  {
    method: 'get',
    path: '/api/v1/actions/{id}/history',
    tag: 'actions',
    summary: 'Historique d’une action',
    description: 'Du plus ancien au plus récent ; `before`/`after` ne portent que les champs changés.',
    responses: { 200: json('L’historique.', z.object({ items: z.array(actionHistoryEntrySchema) })) },
  },
  { method: 'get', path: '/api/v1/actions/{id}/report.pdf', tag: 'exports', summary: 'Fiche action en PDF', responses: { 200: file(PDF, 'La fiche, une page.') } },

  // ------------------------------------------------------------------ plan
  { method: 'get', path: '/api/v1/territories/{slug}/plan', tag: 'plans', summary: 'État du plan', responses: { 200: json('L’état du plan, ses chiffres et ce que l’appelant peut y faire (`permissions`).', planOverviewSchema) } },
  {
    method: 'post',
    path: '/api/v1/territories/{slug}/plan/submit',
    tag: 'plans',
    summary: 'Soumettre le plan',
    description: 'Fige le plan de travail en une nouvelle version numérotée, soumise au binôme. Chef·fe de projet seulement.',
    body: submitPlanSchema,
    responses: { 201: json('La version soumise.', submittedSchema) },
    errors: [409],
  },
  { method: 'get', path: '/api/v1/territories/{slug}/plan/versions', tag: 'plans', summary: 'Lister les versions', responses: { 200: json('Les versions, la plus récente d’abord.', versionListSchema) } },
  { method: 'get', path: '/api/v1/territories/{slug}/plan/versions/{n}', tag: 'plans', summary: 'Lire une version', responses: { 200: json('La version, ses actions figées et ses avis.', versionDetailSchema) } },
  {
    method: 'post',
    path: '/api/v1/territories/{slug}/plan/versions/{n}/decision',
    tag: 'plans',
    summary: 'Décision du binôme',
    description: 'Élu·e ou industriel·le du territoire ; commentaire obligatoire pour demander des modifications.',
    body: localDecisionSchema,
    responses: { 200: json('Le nouveau statut de la version.', localDecisionResultSchema) },
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/v1/territories/{slug}/plan/versions/{n}/regional-decision',
    tag: 'plans',
    summary: 'Décision régionale',
    description: 'Copilotes régionaux (État, Région) d’une version validée par le binôme.',
    body: regionalDecisionSchema,
    responses: { 200: json('Le nouveau statut de la version et le côté compté.', regionalDecisionResultSchema) },
    errors: [409],
  },
  { method: 'post', path: '/api/v1/territories/{slug}/plan/versions/{n}/comments', tag: 'plans', summary: 'Commenter une version', body: commentSchema, responses: { 201: json('Le commentaire enregistré.', commentCreatedSchema) } },
  {
    method: 'get',
    path: '/api/v1/territories/{slug}/plan.xlsx',
    tag: 'plans',
    summary: 'Télécharger le classeur du plan',
    description: 'Les actions du plan de travail dans les colonnes du registre (une ligne par action, avec sa référence et sa version), et une feuille qui explique les colonnes.',
    responses: { 200: file(XLSX, 'Le classeur du plan.') },
  },
  {
    method: 'post',
    path: '/api/v1/territories/{slug}/plan/import',
    tag: 'plans',
    summary: 'Importer le classeur du plan',
    description:
      'Le classeur téléchargé, modifié. Tout ou rien : une erreur dans le fichier et rien n’est écrit (les erreurs sont listées) ; une version périmée : 409 nommant les lignes. Chef·fe de projet du territoire seulement.',
    query: z.object({ dryRun: z.enum(['1', 'true']).optional().meta({ description: 'Aperçu : le même rapport, rien n’est écrit.' }) }),
    body: { contentType: XLSX, description: 'Le classeur XLSX.' },
    responses: { 200: json('Le rapport d’import.', planImportReportSchema) },
    errors: [409],
  },
  { method: 'get', path: '/api/v1/territories/{slug}/plan/diff', tag: 'plans', summary: 'Comparer deux versions', query: diffQuery, responses: { 200: json('Les actions ajoutées, retirées et modifiées.', planDiffSchema) } },

  // ------------------------------------------------------------------ committees
  {
    method: 'get',
    path: '/api/v1/regions/{code}/committees',
    tag: 'committees',
    summary: 'Lister et chercher les comités d’une région',
    query: committeeFiltersSchema,
    responses: { 200: json('Une page de comités, les plus récents d’abord.', committeePageSchema) },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/regions/{code}/committees',
    tag: 'committees',
    summary: 'Enregistrer un comité',
    body: committeeCreateSchema,
    responses: { 201: json('Le comité enregistré.', committeeSchema, created('le comité')) },
  },
  { method: 'get', path: '/api/v1/committees/{id}', tag: 'committees', summary: 'Lire un comité', responses: { 200: json('Le comité.', committeeSchema) } },
  {
    method: 'patch',
    path: '/api/v1/committees/{id}',
    tag: 'committees',
    summary: 'Modifier un comité',
    body: committeeUpdateSchema,
    responses: { 200: json('Le comité.', committeeSchema) },
    errors: [409],
  },

  // ------------------------------------------------------------------ commitments
  {
    method: 'get',
    path: '/api/v1/commitments',
    tag: 'commitments',
    summary: 'Lister les engagements',
    query: commitmentFiltersSchema,
    responses: { 200: json('Les engagements, par échéance puis intitulé.', commitmentListSchema) },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/commitments',
    tag: 'commitments',
    summary: 'Enregistrer un engagement',
    description: 'Équipe nationale seulement.',
    body: commitmentCreateSchema,
    responses: { 201: json('L’engagement (version 1).', commitmentSchema, created('l’engagement')) },
  },
  { method: 'get', path: '/api/v1/commitments/overview', tag: 'commitments', summary: 'Retards et sous-réalisations', responses: { 200: json('Les chiffres par opérateur et par région.', commitmentOverviewSchema) } },
  { method: 'get', path: '/api/v1/commitments/{id}', tag: 'commitments', summary: 'Lire un engagement', responses: { 200: json('L’engagement.', commitmentSchema) } },
  {
    method: 'patch',
    path: '/api/v1/commitments/{id}',
    tag: 'commitments',
    summary: 'Modifier un engagement',
    description: 'Équipe nationale seulement ; le réalisé et le statut passent par `/delivery`.',
    body: commitmentUpdateSchema,
    responses: { 200: json('L’engagement (version + 1).', commitmentSchema) },
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/v1/commitments/{id}/delivery',
    tag: 'commitments',
    summary: 'Déclarer le réalisé',
    description: 'Équipe nationale ou l’opérateur de l’engagement ; l’annulation est réservée à l’équipe nationale.',
    body: deliveryUpdateSchema,
    responses: { 200: json('L’engagement.', commitmentSchema) },
    errors: [409],
  },
  {
    method: 'put',
    path: '/api/v1/commitments/{id}/actions',
    tag: 'commitments',
    summary: 'Remplacer les actions financées',
    body: commitmentActionsSchema,
    responses: { 200: json('L’engagement.', commitmentSchema) },
    errors: [409],
  },

  // ------------------------------------------------------------------ exports and packs
  { method: 'get', path: '/api/v1/exports/actions.csv', tag: 'exports', summary: 'Exporter les actions (CSV)', query: csvQuery, responses: { 200: file('text/csv', 'UTF-8 avec BOM, `;` par défaut.') } },
  { method: 'get', path: '/api/v1/exports/actions.xlsx', tag: 'exports', summary: 'Exporter les actions (XLSX)', query: programmeFiltersSchema, responses: { 200: file(XLSX, 'Un classeur, une ligne par action.') } },
  { method: 'get', path: '/api/v1/territories/{slug}/report.docx', tag: 'exports', summary: 'Dossier du comité de projet (DOCX)', responses: { 200: file(DOCX, 'Le dossier.') } },
  { method: 'get', path: '/api/v1/territories/{slug}/report.pdf', tag: 'exports', summary: 'Dossier du comité de projet (PDF)', responses: { 200: file(PDF, 'Le dossier.') } },
  { method: 'get', path: '/api/v1/regions/{code}/report.docx', tag: 'exports', summary: 'Dossier de revue régionale (DOCX)', responses: { 200: file(DOCX, 'Le dossier.') } },
  { method: 'get', path: '/api/v1/regions/{code}/report.pdf', tag: 'exports', summary: 'Dossier de revue régionale (PDF)', responses: { 200: file(PDF, 'Le dossier.') } },
  { method: 'get', path: '/api/v1/programme/report.docx', tag: 'exports', summary: 'Dossier de gouvernance du programme (DOCX)', query: packFilters, responses: { 200: file(DOCX, 'Le dossier.') } },
  { method: 'get', path: '/api/v1/programme/report.pdf', tag: 'exports', summary: 'Dossier de gouvernance du programme (PDF)', query: packFilters, responses: { 200: file(PDF, 'Le dossier.') } },

  // ------------------------------------------------------------------ imports
  {
    method: 'post',
    path: '/api/v1/imports/territories',
    tag: 'imports',
    summary: 'Importer la liste officielle des territoires',
    description:
      'Fichier des communes ou des groupements publié par l’ANCT. `If-Match: "<empreinte d’un aperçu>"` n’applique que si rien n’a changé depuis (409 sinon). En-tête `X-Filename` facultatif.',
    query: importQuery,
    body: { contentType: 'text/csv', description: 'Le fichier CSV (20 Mo au plus).' },
    responses: { 200: json('Le rapport (`ETag` : son empreinte).', importReportSchema, { ETag: 'L’empreinte de l’aperçu.' }) },
    errors: [409],
  },

  // ------------------------------------------------------------------ search
  { method: 'get', path: '/api/v1/search', tag: 'search', summary: 'Rechercher', query: searchQuerySchema, responses: { 200: json('Territoires, actions et engagements trouvés.', searchResultsSchema) }, errors: [400] },

  // ------------------------------------------------------------------ administration
  {
    method: 'get',
    path: '/api/v1/admin/users',
    tag: 'admin',
    summary: 'Lister les comptes',
    query: userFiltersSchema,
    responses: { 200: json('Une page de comptes, par nom.', userPageSchema) },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/admin/users',
    tag: 'admin',
    summary: 'Inviter un utilisateur',
    body: inviteUserSchema,
    responses: { 201: json('Le compte et son lien d’activation (montré une fois).', invitationSchema, created('le compte')) },
    errors: [409],
  },
  { method: 'get', path: '/api/v1/admin/users/{id}', tag: 'admin', summary: 'Lire un compte', responses: { 200: json('Le compte.', userSchema) } },
  {
    method: 'patch',
    path: '/api/v1/admin/users/{id}',
    tag: 'admin',
    summary: 'Modifier les rôles ou l’activation d’un compte',
    description:
      'La version de base est exigée (`version` dans le corps ou en-tête `If-Match: "<n>"`), sauf pour une simple (dés)activation ; une version dépassée répond 409 (ADR 0021).',
    body: updateUserSchema,
    responses: { 200: json('Le compte.', userSchema) },
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/v1/admin/users/{id}/invitation',
    tag: 'admin',
    summary: 'Nouveau lien d’activation',
    description: 'Sans corps ; le lien précédent cesse de fonctionner.',
    responses: { 200: json('Le compte et son nouveau lien.', invitationSchema) },
    errors: [409],
  },

  // ------------------------------------------------------------------ account
  { method: 'get', path: '/api/v1/me/tokens', tag: 'account', summary: 'Mes jetons d’API', responses: { 200: json('Les jetons non révoqués, les plus récents d’abord.', tokenListSchema) } },
  {
    method: 'post',
    path: '/api/v1/me/tokens',
    tag: 'account',
    summary: 'Créer un jeton d’API',
    description: 'Depuis une session du navigateur seulement (403 avec un jeton) ; 409 au-delà de 50 jetons valides.',
    body: createTokenSchema,
    responses: { 201: json('Le jeton, avec sa valeur (une seule fois).', createdTokenSchema) },
    errors: [409],
  },
  { method: 'delete', path: '/api/v1/me/tokens/{id}', tag: 'account', summary: 'Révoquer un jeton d’API', description: 'Depuis une session du navigateur seulement.', responses: { 204: noContent } },
  { method: 'get', path: '/api/v1/me/notification-preferences', tag: 'account', summary: 'Mes préférences de courriel', responses: { 200: json('L’envoi de chaque catégorie.', preferencesOutputSchema) } },
  {
    method: 'patch',
    path: '/api/v1/me/notification-preferences',
    tag: 'account',
    summary: 'Changer mes préférences de courriel',
    body: preferencesSchema,
    responses: { 200: json('L’ensemble des préférences.', preferencesOutputSchema) },
  },
  {
    method: 'post',
    path: '/api/v1/auth/password-reset',
    tag: 'account',
    summary: 'Demander un lien de réinitialisation',
    auth: 'public',
    body: resetRequestSchema,
    responses: { 202: json('La même réponse pour toute adresse.', resetAcceptedSchema) },
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/v1/auth/password-reset/{token}',
    tag: 'account',
    summary: 'Choisir un nouveau mot de passe',
    description: 'Met fin à toutes les sessions du compte.',
    auth: 'public',
    body: resetPasswordSchema,
    responses: { 204: noContent },
    errors: [403, 410],
  },
  {
    method: 'post',
    path: '/api/v1/email/unsubscribe/{token}',
    tag: 'account',
    summary: 'Désabonnement en un clic (RFC 8058)',
    description: 'Envoyé par les clients de messagerie ; n’importe quel corps.',
    auth: 'public',
    responses: { 200: json('La catégorie désormais non envoyée par courriel.', unsubscribedSchema) },
    errors: [404],
  },

  // ------------------------------------------------------------------ this document
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'meta',
    summary: 'Ce document OpenAPI 3.1',
    auth: 'public',
    responses: { 200: { description: 'Le document OpenAPI 3.1 de l’API.', body: { contentType: 'application/json', description: 'OpenAPI 3.1' } } },
  },
];

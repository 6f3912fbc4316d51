// Readable French rendering of a tracked field's value (history, conflicts, comparisons):
// each field's rendering is in the registry (lib/actions/fields.ts).
export { formatFieldValue } from './fields';

export const OPERATION_LABELS: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  progress: "Mise à jour de l'avancement",
  archive: 'Archivage',
  restore: 'Restauration',
  reorder: 'Réordonnancement du plan',
  submit: 'Soumission du plan',
  'validate-local': 'Validation par le binôme',
  'request-changes-local': 'Modifications demandées par le binôme',
  comment: 'Commentaire',
  import: 'Import du classeur du plan',
};

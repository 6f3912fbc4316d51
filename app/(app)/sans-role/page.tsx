import { PageHeader } from '@/components/ui/page-header';

export default function NoRolePage() {
  return (
    <PageHeader
      title="Aucun rôle attribué"
      description="Votre compte n'a encore aucun rôle dans le programme. Contactez l'équipe nationale pour qu'elle vous rattache à un territoire, une région ou un opérateur."
    />
  );
}

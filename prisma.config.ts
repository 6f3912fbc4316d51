import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (generate, studio). Migrations go through scripts/db (Wasm engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});

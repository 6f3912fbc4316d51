// What the API answers about password resets (ADR 0022).
import { z } from 'zod';
import '@/lib/validation';

export const resetAcceptedSchema = z
  .object({ message: z.string() })
  .meta({ description: 'La même réponse pour toute adresse, connue ou non.' });

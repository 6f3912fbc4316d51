// The named schemas of the OpenAPI document (`components.schemas`), kept apart from zod's
// global registry: an id there would make z.toJSONSchema pull shared `$defs` into every
// schema, while ids here become `#/components/schemas/<id>` references (ADR 0022).
import { z } from 'zod';
import '@/lib/validation';

/** Component id → schema, in registration order. */
export const apiComponents = new Map<string, z.ZodType>();

/** Registers `schema` as the component `id` (its description comes from `.meta()`). */
export function component<T extends z.ZodType>(id: string, schema: T): T {
  const known = apiComponents.get(id);
  if (known && known !== schema) throw new Error(`Two schemas named ${id} in the OpenAPI components.`);
  apiComponents.set(id, schema);
  return schema;
}

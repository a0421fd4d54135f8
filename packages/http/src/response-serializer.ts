import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type RouteSchema = Parameters<typeof zodSerializerCompiler>[0];

/** The JSON Schema of what a zod schema outputs, or `undefined` when it has no exact JSON Schema. */
function outputJsonSchema(schema: z.ZodType): Record<string, unknown> | undefined {
  try {
    const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-07',
      unrepresentable: 'throw',
    });
    return jsonSchema;
  } catch {
    return undefined;
  }
}

/**
 * Serializes each response with a fast-json-stringify function compiled from the route's zod
 * response schema: only declared properties are written (an internal field never leaks), a
 * missing required property or an unconvertible value fails the response (500, logged), and it
 * costs a fraction of validating every response with zod and then `JSON.stringify`. Schemas that
 * JSON Schema cannot express (transforms, dates as objects) keep the zod serializer.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<RouteSchema['schema']> = (route) => {
  const { schema } = route;
  const jsonSchema = schema instanceof z.ZodType ? outputJsonSchema(schema) : undefined;
  if (!jsonSchema) return zodSerializerCompiler(route);
  return fastJson(jsonSchema);
};

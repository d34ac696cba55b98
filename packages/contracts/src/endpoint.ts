import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API operation, described once and used three times: the server validates and documents
 * it, and the storefront and admin call it through the typed client.
 */
export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify-style path with `:param` placeholders, always under /api. */
  path: string;
  /**
   * Who may call it: anyone, a signed-in shopper, or staff holding `permission`. Explicit on every
   * endpoint; the server refuses to register an /api/admin endpoint without a permission.
   */
  auth: 'public' | 'customer' | 'staff';
  permission?: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** HTTP status of a success; 200 unless said otherwise. */
  status?: number;
}

export function defineEndpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(endpoint: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return endpoint;
}

type InferOr<T, Fallback> = T extends z.ZodType ? z.input<T> : Fallback;

/** What a caller passes: only the parts the endpoint declares. */
export type EndpointInput<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
    ? (P extends z.ZodType ? { params: z.input<P> } : { params?: undefined }) &
        (Q extends z.ZodType ? { query?: InferOr<Q, never> } : { query?: undefined }) &
        (B extends z.ZodType ? { body: z.input<B> } : { body?: undefined })
    : never;

export type EndpointOutput<E> = E extends Endpoint<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R> ? z.output<R> : never;

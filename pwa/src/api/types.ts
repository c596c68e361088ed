// Types looked up by path and method in the generated OpenAPI types, so the server's
// component names can change without breaking us; a renamed path fails `npm run typecheck`.
import type { paths } from './schema';

export type ApiPath = keyof paths;
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of the operation's success response (`undefined` when it has none, e.g. 204). */
export type SuccessBody<P extends ApiPath, M extends ApiMethod> =
  | JsonContent<Responses<P, M>[Extract<keyof Responses<P, M>, SuccessStatus>]>
  | ([Extract<keyof Responses<P, M>, 204>] extends [never] ? never : undefined);

/** The JSON request body the operation takes (`never` when it takes none). */
export type RequestBody<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : never;

export type Me = SuccessBody<'/api/me', 'get'>;
export type Role = Me['role'];
export type PatientLink = Me['patients'][number];
export type SmsCodeSent = SuccessBody<'/api/auth/sms-code', 'post'>;

/** DI token of the passport-jwt strategy instance. */
export const JWT_STRATEGY = Symbol('JWT_STRATEGY');
/** DI token of the {@link AuthConfig}. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

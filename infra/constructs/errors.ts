/** Base class for every error the CDK constructs throw while checking their props. */
export class InfraError extends Error {
  override readonly name: string = 'InfraError';
}

/**
 * A construct was given props it cannot build from. Thrown before any resource is created,
 * so a bad value never reaches a half-built tree.
 */
export class InvalidPropsError extends InfraError {
  override readonly name = 'InvalidPropsError';
  constructor(
    readonly construct: string,
    readonly prop: string,
    readonly value: unknown,
    why: string,
  ) {
    super(`${construct}: invalid ${prop} ${JSON.stringify(value)}: ${why}`);
  }
}

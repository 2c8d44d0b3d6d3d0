export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(
    message: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ObjectNotFoundError extends StorageError {
  override readonly name = 'ObjectNotFoundError';
  constructor(key: string, options?: { cause?: unknown }) {
    super(`no object at key "${key}"`, key, options);
  }
}

export class InvalidKeyError extends StorageError {
  override readonly name = 'InvalidKeyError';
  constructor(key: string, why: string) {
    super(`invalid key "${key}": ${why}`, key);
  }
}

import { Token } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import { InvalidPropsError } from './errors.js';

/**
 * Small checks the constructs run on their props before building anything. Each throws
 * an InvalidPropsError naming the construct and the prop. Values that are tokens (resolved
 * at deploy time) cannot be checked here and are let through.
 */

/** A key prefix: non-empty, relative (no leading `/`), ending in `/`, no wildcard. */
export function checkPrefix(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  if (value.length === 0 || value.startsWith('/') || !value.endsWith('/') || value.includes('*')) {
    throw new InvalidPropsError(construct, prop, value, 'a key prefix must be non-empty, must not start with "/" or contain "*", and must end with "/"');
  }
}

export function checkIntegerInRange(construct: string, prop: string, value: number, min: number, max: number): void {
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidPropsError(construct, prop, value, `must be an integer from ${min} to ${max}`);
  }
}

export function checkDurationInRange(construct: string, prop: string, value: Duration, min: Duration, max: Duration): void {
  if (value.isUnresolved()) return;
  const seconds = value.toSeconds();
  if (seconds < min.toSeconds() || seconds > max.toSeconds()) {
    throw new InvalidPropsError(construct, prop, value.toHumanString(), `must be from ${min.toHumanString()} to ${max.toHumanString()}`);
  }
}

/** An absolute http(s) URI ending in `/` or `#`, so that ids can be appended to it (as functions/runtime/env.ts requires). */
export function checkBaseUri(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidPropsError(construct, prop, value, 'must be an absolute URI');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidPropsError(construct, prop, value, 'must be an http or https URI');
  }
  if (!(value.endsWith('/') || value.endsWith('#')) || url.search !== '' || url.hash !== '') {
    throw new InvalidPropsError(construct, prop, value, 'must end with "/" or "#" and carry no query or fragment, so ids can be appended');
  }
}

export function checkEmail(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    throw new InvalidPropsError(construct, prop, value, 'must be an e-mail address');
  }
}

export function checkNonEmpty<T>(construct: string, prop: string, value: readonly T[]): void {
  if (value.length === 0) throw new InvalidPropsError(construct, prop, value, 'must not be empty');
}

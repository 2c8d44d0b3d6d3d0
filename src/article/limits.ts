/**
 * The reader's limits, in a module of their own so that code which only needs the numbers
 * (the Lambda environment, the CLI) does not load the reader and its language model.
 */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type { Article, ArticleFormat, ReadResult, Rejection, RejectionReason } from './article.js';
export { REJECTION_REASONS } from './article.js';
export {
  ArticleReadError,
  BinaryContentError,
  EmptyArticleError,
  InternalReadError,
  InvalidArticleError,
  InvalidReaderOptionError,
  InvalidUtf8Error,
  LimitExceededError,
  MalformedJsonError,
  ReaderModuleError,
  TooLargeError,
  UnknownExtensionError,
} from './errors.js';
export type { ArticleReadErrorOptions, LimitReason } from './errors.js';
export { detectLanguage, normaliseLanguageTag } from './language.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_MAX_ARTICLES,
  DEFAULT_MAX_HTML_BYTES,
  DEFAULT_MAX_HTML_ELEMENTS,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_MAX_JSONL_LINE_CHARS,
  DEFAULT_MAX_LINE_CHARS,
  MAX_MESSAGE_CHARS,
} from './limits.js';
export type { ReaderLimits } from './limits.js';
export { normaliseInline, normaliseText } from './normalise.js';
export { articleId, DEFAULT_MAX_BYTES, extensionOf, readObject } from './read-object.js';
export type { ReadObjectOptions } from './read-object.js';

export type { Article, ArticleFormat, ReadResult, Rejection, RejectionReason } from './article.js';
export {
  ArticleReadError,
  BinaryContentError,
  EmptyArticleError,
  InvalidArticleError,
  InvalidUtf8Error,
  MalformedJsonError,
  TooLargeError,
  UnknownExtensionError,
} from './errors.js';
export type { ArticleReadErrorOptions } from './errors.js';
export { detectLanguage, normaliseLanguageTag } from './language.js';
export { normaliseInline, normaliseText } from './normalise.js';
export { articleId, DEFAULT_MAX_BYTES, extensionOf, readObject } from './read-object.js';
export type { ReadObjectOptions } from './read-object.js';

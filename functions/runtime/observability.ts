import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one Logger of the functions: structured JSON lines, the service named by
 * POWERTOOLS_SERVICE_NAME (set per function by the stack), the level by
 * POWERTOOLS_LOG_LEVEL. Every line about an object carries `objectKey`, and `articleId`
 * when it is about one article.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'entente' });

export { ManualClock, systemClock } from './clock';
export type { Clock } from './clock';
export {
  fullBucket,
  pauseBucket,
  RateLimiter,
  takeToken,
  tokenBucketProblems,
} from './token-bucket';
export type { TokenBucket, TokenBucketPolicy } from './token-bucket';

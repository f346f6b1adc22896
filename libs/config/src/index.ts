export { ConfigError, describeOptions, option, readConfig, secretOption } from './options';
export type { ConfigOf, OptionSpec, OptionSpecs } from './options';
export { boolean, commaList, integer, oneOf, text, url } from './parsers';
export {
  describeSecretSource,
  readSecret,
  currentSecret,
  secretSource,
  SecretUnreadableError,
  watchedSecret,
} from './secrets';
export type { SecretSource } from './secrets';

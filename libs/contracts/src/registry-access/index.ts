export { registryAuthorization } from './authorization';
export { OPEN_REGISTRY, registryAccessFrom } from './registry-access';
export type {
  RegistryAccess,
  RegistryAccessSettings,
  RegistryCredentials,
  RegistryTls,
} from './registry-access';
export { registryAccessOptions } from './registry-access-options';
export { registryAgent, registryTransport } from './registry-transport';
export type { RegistryAnswer, RegistryRequest, RegistryTransport } from './registry-transport';

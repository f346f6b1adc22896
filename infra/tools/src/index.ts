export { default as consumerGenerator } from './consumer/generator';
export type { ConsumerGeneratorOptions } from './consumer/options';
export { default as eventGenerator } from './event/generator';
export type { EventGeneratorOptions } from './event/options';

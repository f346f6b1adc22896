import { readFileSync } from 'node:fs';
import { kafkaPomFile } from '../paths';
import { kafkaVersionOf } from './kafka-libs';

describe('kafkaVersionOf', () => {
  it('reads the pinned Kafka version from the project pom', () => {
    expect(kafkaVersionOf(readFileSync(kafkaPomFile, 'utf8'))).toMatch(/^4\.\d+\.\d+$/);
  });

  it('answers undefined for a pom without the property', () => {
    expect(kafkaVersionOf('<project><properties/></project>')).toBeUndefined();
  });
});

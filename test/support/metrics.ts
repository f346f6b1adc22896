export { readMetrics, sampleValue } from '@ferry/test-support';

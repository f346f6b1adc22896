/** What `nx g @ferry/tools:consumer` takes (consumer/schema.json). */
export interface ConsumerGeneratorOptions {
  readonly name: string;
  readonly event: string;
  readonly kind: 'state' | 'sink';
  readonly target?: 'erp' | 'wms';
  readonly port?: number;
  readonly skipTasks?: boolean;
  readonly skipInstall?: boolean;
}

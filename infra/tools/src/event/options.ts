/** What `nx g @ferry/tools:event` takes (event/schema.json). */
export interface EventGeneratorOptions {
  readonly name: string;
  readonly owner: string;
  readonly topic: string;
  readonly fields: string;
  readonly entity?: string;
  readonly key?: string;
  readonly receivers?: string;
  readonly partitions?: number;
  readonly skipTasks?: boolean;
}

import { topicDeclarations, Topics } from '@ferry/contracts';
import { dropSchema } from '@ferry/persistence';
import { uniqueName } from '@ferry/test-support';
import { deleteTopics } from './kafka/bench-topic';

export interface BenchEndpoints {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
}

/**
 * The topics and schemas one run creates, named uniquely and removed at its end: each run writes
 * tens of MB to a broker and a database other sessions share.
 */
export class Scratch {
  private readonly topics: string[] = [];
  private readonly schemas: string[] = [];

  private constructor(private readonly endpoints: BenchEndpoints) {}

  /**
   * Runs `work` with a fresh scratch space and removes it afterwards. A failed removal is reported
   * and fails the run only when `work` itself succeeded (the first error is the one to see).
   */
  static async use<T>(
    endpoints: BenchEndpoints,
    say: (line: string) => void,
    work: (scratch: Scratch) => Promise<T>,
  ): Promise<T> {
    const scratch = new Scratch(endpoints);
    let result: T;
    try {
      result = await work(scratch);
    } catch (error: unknown) {
      await scratch.remove(say);
      throw error;
    }
    const problems = await scratch.remove(say);
    if (problems.length > 0) throw new Error(`cleanup failed: ${problems.join('; ')}`);
    return result;
  }

  /** A unique inventory topic name; it and its retry and dead-letter topics are deleted later. */
  topic(prefix: string): string {
    const name = uniqueName(prefix);
    this.topics.push(...topicDeclarations(Topics.inventoryLevels, name).map((t) => t.name));
    return name;
  }

  /** A unique database schema name; the schema is dropped later if it was created. */
  schema(prefix: string): string {
    const name = uniqueName(prefix);
    this.schemas.push(name);
    return name;
  }

  private async remove(say: (line: string) => void): Promise<string[]> {
    say('· removing the run’s topics and schemas');
    const problems: string[] = [];
    const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
      await step().catch((error: unknown) => {
        problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    await attempt('deleting topics', () => deleteTopics(this.endpoints.kafkaBrokers, this.topics));
    for (const schema of this.schemas)
      await attempt(`dropping schema ${schema}`, () =>
        dropSchema(this.endpoints.databaseUrl, schema),
      );
    for (const problem of problems) say(`  warning: ${problem}`);
    return problems;
  }
}

import { allPrincipals, ServiceAccess } from '@ferry/contracts';
import { applyAcls, createKafka, deriveAcls, describeRule } from '@ferry/kafka-runtime';
import type { AclsCommand } from '../cli/arguments';
import { printResult, type CommandContext } from '../dlq/context';
import { withOperatorSession } from '../operator/operator-session';

/**
 * Derives the ACLs of every Ferry principal and compares them with the cluster's; `acls apply
 * --execute` makes the cluster match, as an authenticated operator, and the audit records who
 * changed what. Only Ferry's principals are read or changed.
 */
export async function runAclsCommand(command: AclsCommand, context: CommandContext): Promise<void> {
  const wanted = deriveAcls(ServiceAccess);
  const principals = allPrincipals().map((name) => `User:${name}`);
  const kafka = createKafka(context.config, context.logger);
  const dryRun = !command.execute;
  const change = dryRun
    ? await applyAcls(kafka, wanted, principals, true)
    : await withOperatorSession(context.config, async (session) => {
        const applied = await applyAcls(kafka, wanted, principals, false);
        await session.recordAction({
          action: 'acls apply',
          reason: command.reason,
          detail: {
            created: applied.create.map(describeRule),
            deleted: applied.remove.map(describeRule),
            unchanged: applied.unchanged,
          },
        });
        return applied;
      });
  const tense = dryRun ? 'would be' : 'were';
  printResult(
    context,
    {
      dryRun,
      wanted: wanted.map(describeRule),
      create: change.create.map(describeRule),
      remove: change.remove.map(describeRule),
      unchanged: change.unchanged,
      leftAlone: change.foreign,
    },
    () => [
      `${wanted.length} ACLs derived for ${principals.length} principals (${principals.join(', ')})`,
      ...change.create.map((rule) => `+ ${describeRule(rule)}`),
      ...change.remove.map((rule) => `- ${describeRule(rule)}`),
      ...change.foreign.map((line) => `  left alone (not expressible as a derived rule): ${line}`),
      `${change.create.length} ${tense} created, ${change.remove.length} ${tense} deleted, ` +
        `${change.unchanged} already in place` +
        (dryRun ? ' (dry run: nothing changed; `acls apply --execute` applies it)' : ''),
    ],
  );
}

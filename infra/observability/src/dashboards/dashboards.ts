import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardsDir } from '../paths';

/** One PromQL query of a dashboard: a panel's target, or a template variable's query. */
export interface DashboardQuery {
  readonly dashboard: string;
  /** `panel "<title>"` or `variable "<name>"`. */
  readonly where: string;
  readonly expr: string;
}

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

interface Dashboard {
  title?: string;
  panels?: Panel[];
  templating?: { list?: { name?: string; type?: string; query?: unknown }[] };
}

function panelQueries(file: string, panels: readonly Panel[]): DashboardQuery[] {
  return panels.flatMap((panel) => [
    ...(panel.targets ?? []).flatMap((target) =>
      target.expr === undefined
        ? []
        : [{ dashboard: file, where: `panel "${panel.title ?? '?'}"`, expr: target.expr }],
    ),
    // A collapsed row keeps its panels inside it.
    ...panelQueries(file, panel.panels ?? []),
  ]);
}

/** `label_values(metric{…}, label)` reads `metric`; `query_result(expr)` reads expr. */
function variableQueries(file: string, dashboard: Dashboard): DashboardQuery[] {
  return (dashboard.templating?.list ?? []).flatMap((variable) => {
    if (variable.type !== 'query') return [];
    const query =
      typeof variable.query === 'string'
        ? variable.query
        : (variable.query as { query?: string } | undefined)?.query;
    const inner = /^\s*(?:label_values|query_result)\((.*?)(?:,\s*\w+)?\)\s*$/.exec(query ?? '');
    if (inner?.[1] === undefined) return [];
    return [{ dashboard: file, where: `variable "${variable.name ?? '?'}"`, expr: inner[1] }];
  });
}

export function dashboardFiles(dir = dashboardsDir): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

export function dashboardQueries(dir = dashboardsDir): DashboardQuery[] {
  return dashboardFiles(dir).flatMap((path) => {
    const dashboard = JSON.parse(readFileSync(path, 'utf8')) as Dashboard;
    const file = path.slice(dir.length + 1);
    return [...panelQueries(file, dashboard.panels ?? []), ...variableQueries(file, dashboard)];
  });
}

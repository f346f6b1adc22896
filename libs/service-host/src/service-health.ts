import { Injectable } from '@nestjs/common';

export interface HealthReport {
  readonly live: boolean;
  readonly ready: boolean;
  readonly components: Readonly<
    Record<string, { readonly ready: boolean; readonly detail?: string }>
  >;
}

/**
 * Readiness of a service, told by its components as they start and stop. A service is ready when
 * every component that registered says so.
 */
@Injectable()
export class ServiceHealth {
  private readonly components = new Map<string, { ready: boolean; detail?: string }>();
  private readonly probes = new Map<
    string,
    () => { live: boolean; ready: boolean; detail: string }
  >();

  /** A component whose health is computed on each check (a consumer's progress, say). */
  watch(component: string, probe: () => { live: boolean; ready: boolean; detail: string }): void {
    this.probes.set(component, probe);
  }

  expect(component: string): void {
    if (!this.components.has(component))
      this.components.set(component, { ready: false, detail: 'starting' });
  }

  markReady(component: string): void {
    this.components.set(component, { ready: true });
  }

  markNotReady(component: string, detail: string): void {
    this.components.set(component, { ready: false, detail });
  }

  report(): HealthReport {
    const components: Record<string, { ready: boolean; detail?: string }> = Object.fromEntries(
      this.components,
    );
    let live = true;
    for (const [name, probe] of this.probes) {
      const state = probe();
      live &&= state.live;
      components[name] = { ready: state.ready, detail: state.detail };
    }
    return { live, ready: Object.values(components).every((c) => c.ready), components };
  }
}

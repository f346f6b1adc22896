/** Systems that own entities and publish their state, or receive it. */
export const Systems = ['wms', 'erp', 'storefront', 'analytics'] as const;
export type System = (typeof Systems)[number];

/** Systems that own at least one entity (see the ownership map). */
export const SourceSystems = ['wms', 'erp', 'storefront'] as const satisfies readonly System[];
export type SourceSystem = (typeof SourceSystems)[number];

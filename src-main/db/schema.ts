// Every domain's tables, for drizzle-kit and for the typed query builder.
export * from '../org/schema'
export * from '../absences/schema'
export * from '../calendar/schema'
export * from '../auth/schema'
export * from '../audit/schema'
export * from '../settings/schema'
export * from '../duty/schema'

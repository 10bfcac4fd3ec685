import type { Db } from '../db/connection'
export function loadDemoOrganisation(_db: Db): void {}

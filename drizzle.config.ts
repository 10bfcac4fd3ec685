import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  // Every domain's tables: each domain keeps its own schema.ts.
  schema: './src-main/*/schema.ts',
  out: './drizzle',
})

import type { Sqlite } from './connection'

export interface BackupProgress { totalPages: number; remainingPages: number }

/**
 * A consistent online copy of the open database (SQLite's backup API: the app keeps
 * working meanwhile), never a file copy. `onProgress` sees each step, for the progress bar.
 */
export async function backupDatabase(sqlite: Sqlite, destination: string, onProgress?: (p: BackupProgress) => void): Promise<void> {
  await sqlite.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.({ totalPages, remainingPages })
      return 256
    },
  })
}

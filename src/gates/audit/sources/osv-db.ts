import { OsvDatabaseError, type OsvIndex, loadOsvDatabase } from '../osv/database.js';
import { matchOsv } from '../osv/match.js';
import { type AdvisorySource, SourceError } from './source.js';

/** The offline OSV database, loaded once per run however many lockfiles ask. */
export function osvDatabaseSource(location: string, shown: string): AdvisorySource & { index(): Promise<OsvIndex> } {
  let loading: Promise<OsvIndex> | undefined;
  const index = (): Promise<OsvIndex> => {
    loading ??= loadOsvDatabase(location).catch((error: unknown) => {
      if (error instanceof OsvDatabaseError) throw new SourceError(error.message.replace(location, shown));
      throw error;
    });
    return loading;
  };
  return {
    name: `OSV database ${shown}`,
    index,
    async audit(lockfile) {
      return matchOsv(await index(), lockfile.packages);
    },
  };
}

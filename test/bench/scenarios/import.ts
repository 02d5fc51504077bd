import { BUDGETS } from '../budgets';
import { type Scenario, skip } from '../types';

/**
 * Importing 10,000 contact rows and 100,000 activity rows through the dashboard. It comes
 * alive when the dashboard has its import hooks (`import-file`, `import-confirm`,
 * `import-report`); until then it reports SKIP.
 */
export const importing: Scenario = {
  name: 'import',
  async run(bench) {
    const page = await bench.context.newPage();
    await page.goto(`chrome-extension://${bench.extensionId}/options.html#import`);
    await page.getByTestId('dashboard').waitFor();
    const hasImport = (await page.getByTestId('import-file').count()) > 0;
    await page.close();
    if (!hasImport) {
      return [
        skip(
          'import contacts',
          `≤ ${BUDGETS.importContacts.maxMs} ms for 10,000 rows`,
          'the dashboard has no import yet',
        ),
        skip(
          'import activities',
          `≤ ${BUDGETS.importActivities.maxMs} ms, heap ≤ ${BUDGETS.importActivities.maxHeapMb} MB for 100,000 rows`,
          'the dashboard has no import yet',
        ),
      ];
    }
    throw new Error(
      'the dashboard has an import now: measure it here (10,000 contact rows; 100,000 activity rows, time and peak heap)',
    );
  },
};

import { DataSource } from 'typeorm';

/** Runs `close` (what the data source's helpers hold open) before the data source itself closes. */
export function beforeDestroy(dataSource: DataSource, close: () => unknown): void {
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await close();
    await destroy();
  };
}

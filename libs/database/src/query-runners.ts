import { DataSource, QueryRunner } from 'typeorm';

/** A query runner's query, as the wrappers here call it. */
export type Query = (...args: unknown[]) => Promise<unknown>;

/** Gives `adapt` each query runner the data source's driver makes, as it is made. */
export function adaptQueryRunners(dataSource: DataSource, adapt: (runner: QueryRunner) => void): void {
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    adapt(runner);
    return runner;
  };
}

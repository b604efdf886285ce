import { TestApp } from './test-app';

type ResponseParser = Parameters<ReturnType<ReturnType<TestApp['http']>['get']>['parse']>[0];

/** A supertest parser that keeps a binary response (a workbook, a Word document) as bytes: `.buffer(true).parse(asBytes)`. */
export const asBytes: ResponseParser = (res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

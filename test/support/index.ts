// The end-to-end tests' kit: libs/testing's factories and databases, and the HTTP app they test.
export * from '@app/testing';
export * from './test-app';
export * from './app-routes';
export * from './board-world';
export * from './binary-body';
export * from './session-cookie';

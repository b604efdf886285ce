// Integration and end-to-end tests start real databases, Redis, servers and browsers.
jest.setTimeout(60_000);

// Deterministic dates in every test: the domain works in Europe/London explicitly, never the host zone.
process.env.TZ = 'UTC';

#!/usr/bin/env node
// The quick start: Redis (found or started), the demo seeded into a new database, then the API and worker.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(root, process.env.DATA_DIR || 'data');
const children = [];

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG') || d.toString().startsWith('-NOAUTH')));
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function ensureRedis() {
  if (process.env.REDIS_URL) {
    if (await redisAnswers(process.env.REDIS_URL)) return process.env.REDIS_URL;
    fail(`REDIS_URL is set to ${process.env.REDIS_URL} but nothing answers there. Start that Redis, or unset REDIS_URL to let the quick start find or start one.`);
  }
  if (await redisAnswers('redis://127.0.0.1:6379')) return 'redis://127.0.0.1:6379';
  if (!hasCommand('redis-server')) {
    fail('No Redis is answering on 127.0.0.1:6379 and redis-server is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server), or set REDIS_URL to a Redis you have.');
  }
  const port = 6390;
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  // The settings BullMQ needs to lose nothing: never evict keys, append-only file on.
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''], { stdio: 'ignore' });
  children.push(redis);
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(`redis://127.0.0.1:${port}`)) {
      console.log(`Started a private Redis on 127.0.0.1:${port} (data in ${dir}).`);
      return `redis://127.0.0.1:${port}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail('Started redis-server but it did not answer; see its log, or set REDIS_URL.');
}

function fail(message) {
  console.error(`\n${message}\n`);
  stopAll();
  process.exit(1);
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

function run(script, args, env) {
  return spawnSync(process.execPath, [path.join(root, script), ...args], { stdio: 'inherit', env, cwd: root }).status;
}

function start(name, command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`The ${name} stopped (${signal || `exit ${code}`}); stopping everything.`);
      shutdown(1);
    }
  });
  children.push(child);
}

let stopping = false;
function shutdown(code = 0) {
  stopping = true;
  stopAll();
  setTimeout(() => process.exit(code), 500).unref();
}

async function main() {
  const env = { ...process.env, DATA_DIR: dataDir, REDIS_URL: await ensureRedis() };
  if (env.NODE_ENV !== 'production') {
    if (run('dist/apps/cli/src/main.js', ['demo:seed', '--if-empty'], env) !== 0) fail('Could not seed the demo (see above).');
  }
  start('API', 'sh', [path.join(root, 'scripts/start-api.sh')], { ...env, NODE: process.execPath });
  if (fs.existsSync(path.join(root, 'dist/apps/worker/src/main.js'))) start('worker', process.execPath, [path.join(root, 'dist/apps/worker/src/main.js')], env);
  const port = env.PORT || 3000;
  console.log(`\nImprovement Tracker is starting on http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
  console.log('Demo sign-in: admin@demo.example / demo-password (also chair@, member@, owner@demo.example). Ctrl+C stops everything.\n');
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
}

main().catch((error) => fail(error.message));

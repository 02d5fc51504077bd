// A CouchDB-compatible server for team sync, on this computer only: `npm run sync-server`
// for a seller to try team sharing, and the end-to-end tests, which start one per test.
// express-pouchdb (the HTTP layer of pouchdb-server, https://github.com/pouchdb/pouchdb-server)
// over PouchDB's in-memory adapter: no native modules to build, nothing written to disk, and
// everything is gone when it stops. A real team runs Apache CouchDB 3 (README "Team sharing").
import express from 'express';
import expressPouch from 'express-pouchdb';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(memory).plugin(http).plugin(replication);

/**
 * Starts the server on 127.0.0.1 and answers its address, a `stop`, and the name of its `store`.
 * The in-memory databases live as long as this process, under that name: a server started again
 * with the same `store` (and port) finds them as it left them, as a restarted CouchDB finds its
 * files; a new store starts empty. Extension pages and the worker call it from their own origin:
 * it answers CORS for extension origins, as a CouchDB set up with `[cors] origins` does.
 */
export async function startSyncServer({
  port = 0,
  databases = ['team'],
  store = crypto.randomUUID(),
  users = undefined,
  members = [],
} = {}) {
  const Memory = PouchDB.defaults({ adapter: 'memory', prefix: `${store}-` });
  const app = express();
  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (origin && /^(chrome|moz)-extension:\/\//.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
      if (req.method === 'OPTIONS') return res.sendStatus(204);
    }
    next();
  });
  // With `users` ({ name: password }), a server that asks who you are, as a team's CouchDB does:
  // an admin sets it up, each database readable by its `members` only (its `_security`).
  const pouch = expressPouch(Memory, {
    mode: users ? 'fullCouchDB' : 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: '/dev/null',
    ...(users ? { overrideMode: { exclude: ['routes/fauxton'] } } : {}),
  });
  app.use('/', pouch);
  const server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  const admin = users ? { Authorization: `Basic ${btoa('admin:admin')}`, 'Content-Type': 'application/json' } : {};
  if (users) {
    await new Promise((resolve) => pouch.couchConfig.set('admins', 'admin', 'admin', resolve));
    for (const [name, password] of Object.entries(users)) {
      await fetch(`${url}/_users/org.couchdb.user:${name}`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ name, password, roles: [], type: 'user' }),
      });
    }
  }
  for (const name of databases) {
    await fetch(`${url}/${name}`, { method: 'PUT', headers: admin });
    if (users) {
      await fetch(`${url}/${name}/_security`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: members, roles: [] } }),
      });
    }
  }
  return {
    url,
    store,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startSyncServer({ port: Number(process.env.PORT ?? 5984) });
  console.log(`A team server for trying Rapport's team sharing is at ${url}, database "team".`);
  console.log('In Rapport: Settings → Team, that address, database team, any user and password.');
  console.log('It keeps everything in memory: stop it (Ctrl+C) and it is gone.');
}

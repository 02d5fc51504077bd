// The little of PouchDB 9 that Rapport uses (https://pouchdb.com/api.html), typed here rather
// than through @types/pouchdb-*, whose declarations are for PouchDB 6-7 and redeclare DOM globals.
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    [key: string]: unknown;
  }
  export interface ChangesResult {
    results: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc }[];
    last_seq: number | string;
  }
  export interface Database {
    get(id: string): Promise<PouchDoc>;
    put(doc: PouchDoc): Promise<{ ok: true; id: string; rev: string }>;
    /** Against a server, CouchDB's own answers (https://docs.couchdb.org/en/stable/api/database/bulk-api.html). */
    bulkDocs(
      docs: PouchDoc[],
    ): Promise<({ ok: true; id: string; rev: string } | { id: string; error: string; reason?: string })[]>;
    changes(options: {
      since: number | string;
      include_docs?: boolean;
      limit?: number;
      batch_size?: number;
    }): Promise<ChangesResult>;
    close(): Promise<void>;
  }
  export interface DatabaseConstructor {
    new (
      name: string,
      options?: {
        adapter?: string;
        auth?: { username: string; password: string };
        skip_setup?: boolean;
        fetch?: typeof fetch;
      },
    ): Database;
    plugin(plugin: unknown): DatabaseConstructor;
  }
  const PouchDB: DatabaseConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

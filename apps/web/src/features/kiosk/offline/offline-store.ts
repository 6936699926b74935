/**
 * A few values the kiosk keeps in IndexedDB across reloads while the server is away: its
 * reserved number block and the tickets it issued offline until they are handed in. Tiny and
 * hand-written (one object store of keyed values); nothing else is kept on the device.
 */
const DB_NAME = "eq-kiosk";
const STORE = "kv";

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result as T);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export const readValue = <T>(key: string) =>
  run<T | undefined>("readonly", (s) => s.get(key)).catch(() => undefined);

export const writeValue = (key: string, value: unknown) =>
  run<unknown>("readwrite", (s) => s.put(value, key)).then(() => undefined);

export const deleteValue = (key: string) =>
  run<unknown>("readwrite", (s) => s.delete(key)).then(() => undefined);

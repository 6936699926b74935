/**
 * A device screen's last answer from the server, kept in localStorage so the screen can start
 * while its server is away (a kiosk's branding, services and settings; never anything about a
 * customer). Quietly does nothing where storage is not available.
 */
export function keptAnswer<T>(key: string) {
  return {
    read(): T | undefined {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    write(data: T): void {
      try {
        localStorage.setItem(key, JSON.stringify(data));
      } catch {
        // Full or private mode: the screen starts online only.
      }
    },
    forget(): void {
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
}

import http from "node:http";

export type HttpResponse = { status: number; body: string };

/**
 * A keep-alive JSON client on node:http (real sockets, one pool for the whole run). `maxSockets`
 * bounds the open connections to the server.
 */
export class HttpClient {
  readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, maxSockets: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(
    method: "GET" | "POST" | "PUT",
    path: string,
    opts: {
      body?: unknown;
      token?: string;
      timeoutMs?: number;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResponse> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers: {
            ...(payload !== undefined && {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(payload),
            }),
            ...(opts.token && { authorization: `Bearer ${opts.token}` }),
            ...opts.headers,
          },
          timeout: opts.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
          );
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("request timed out")));
      req.on("error", reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

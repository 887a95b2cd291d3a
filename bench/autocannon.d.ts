// The part of autocannon's API the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method?: string; path?: string; body?: string; headers?: Record<string, string> };
    type RequestSpec<C> = {
      setupRequest?: (request: Request, context: C) => Request | undefined;
      onResponse?: (status: number, body: string, context: C) => void;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      // biome-ignore lint/suspicious/noExplicitAny: each request keeps its own context type
      requests?: RequestSpec<any>[];
    };
    type Histogram = { average: number; total: number; p50: number; p99: number; max: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}

import { defineConfig } from 'vitest/config';

// Tests talk to SMTP and HTTP servers of their own on 127.0.0.1: the server-wide switch of the
// outbound guard lets them. Tests of the guard itself switch it off (see outbound-guard.test.ts).
export default defineConfig({
  test: { env: { CRMFLOW_ALLOW_PRIVATE_NETWORK: 'on' } },
});

import { runServer } from './start/start-server.ts';

// The role comes from CRMFLOW_ROLE (default `all`: API and worker in one process).
runServer();

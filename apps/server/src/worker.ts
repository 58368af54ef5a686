import { runServer } from './start/start-server.ts';

runServer('worker');

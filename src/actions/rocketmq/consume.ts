import { grpcConsume } from './grpc-consume.js';
import { remotingConsume } from './remoting-consume.js';
import { byRoute } from './route.js';

export const action = byRoute('rocketmq.consume', { grpc: grpcConsume, remoting: remotingConsume });

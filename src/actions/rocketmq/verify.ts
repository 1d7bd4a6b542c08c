import { grpcVerify } from './grpc-verify.js';
import { remotingVerify } from './remoting-verify.js';
import { byRoute } from './route.js';

export const action = byRoute('rocketmq.verify', { grpc: grpcVerify, remoting: remotingVerify });

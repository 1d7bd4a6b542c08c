import { grpcProduce } from './grpc-produce.js';
import { remotingProduce } from './remoting-produce.js';
import { byRoute } from './route.js';

export const action = byRoute('rocketmq.produce', { grpc: grpcProduce, remoting: remotingProduce });

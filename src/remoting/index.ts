/** RocketMQ remoting-protocol client: the public surface. Each module's own header says what it does. */

export {
  type AddressProblem,
  type HostPort,
  type ParsedAddresses,
  parseAddressList,
} from '../util/addresses.js';
export { type Credentials, signature, signingContent, signRequest } from './acl.js';
export { allocateAveragely, compareQueues, type MessageQueue } from './allocate.js';
export {
  type ConsumerConnectionInfo,
  type ConsumeStats,
  consumerConnections,
  consumeStats,
  type GroupConnections,
  maxOffset,
  minOffset,
  type QueueProgress,
  searchOffset,
} from './broker-admin.js';
export {
  deniedResource,
  isAuthFailure,
  isBrokerBusy,
  isGroupMissing,
  isPermissionDenied,
  isTopicMissing,
  isWorthRetrying,
  topicMissingAt,
} from './classify.js';
export { RequestCode, ResponseCode, requestCodeName, responseCodeName } from './codes.js';
export {
  type ConnectOptions,
  RemotingConnection,
  type RequestOptions,
  type RequestSpec,
  type ServerRequestHandler,
} from './connection.js';
export {
  type ConsumeFromWhere,
  type ConsumerRegistration,
  consumerIdsByGroup,
  createClientId,
  heartbeat,
  type PullRequest,
  type PullResult,
  type PullStatus,
  pull,
  queryConsumerOffset,
  retryTopic,
  sendBack,
  unregister,
  updateConsumerOffset,
} from './consumer.js';
export { type DetectedProtocol, type Detection, detectProtocol } from './detect.js';
export {
  InvalidAddressError,
  InvalidMessageError,
  NameServersUnreachableError,
  NoQueueError,
  NotRemotingError,
  RemotingConnectionError,
  RemotingError,
  RemotingResponseError,
  RemotingTimeoutError,
  type TimeoutStage,
} from './errors.js';
export { decodeMessages, type StoredMessage } from './message.js';
export {
  type BrokerRoute,
  type NameServerOptions,
  type QueueRoute,
  type RouteAnswer,
  type TopicRoute,
  topicRoute,
} from './nameserver.js';
export {
  type OutgoingMessage,
  type SendResult,
  type SendStatus,
  type SendSyncOptions,
  type SendSyncResult,
  sendMessage,
  sendSync,
} from './producer.js';
export {
  type ConsumeOptions,
  type ConsumeSummary,
  consume,
  type ReceivedMessage,
  type SessionControl,
  type SessionEvent,
  type StartAt,
  type Verdict,
} from './push-consumer.js';
export { offsetForTimestamp, queueBounds } from './queue-offsets.js';
export { buildSubscription, type Subscription } from './subscription.js';

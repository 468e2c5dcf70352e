// The topic every instance publishes recorded operations to, so a stream on one instance sees operations recorded
// on another. Standard tier: topics need it, and it has duplicate detection.

@description('Name of the Service Bus namespace.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Azure region of the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags { *: string }

@description('Name of the topic operations are published to (ServiceBus__TopicName).')
param topicName string

@description('How long the topic remembers a MessageId to drop a resent copy (ISO 8601). Must cover the publisher\'s retries.')
param duplicateDetectionWindow string

@description('How long an undelivered operation stays in a subscription (ISO 8601). Streams replay from Table Storage, so older messages have no reader.')
param messageTimeToLive string

@description('A subscription to create up front for ServiceBus__SubscriptionName (a single-instance app). Empty: each instance creates its own when its first stream opens.')
param fixedSubscriptionName string

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource topic 'topics' = {
    name: topicName
    properties: {
      // The publisher sets MessageId to the operation id; a retry after a lost acknowledgement is then dropped here
      // instead of reaching every stream twice.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      defaultMessageTimeToLive: messageTimeToLive
      enableBatchedOperations: true
    }

    resource fixedSubscription 'subscriptions' = if (!empty(fixedSubscriptionName)) {
      name: fixedSubscriptionName
      properties: {
        lockDuration: 'PT1M'
        maxDeliveryCount: 10
        // As short as an instance's own subscription (ServiceBus__MessageTimeToLiveSeconds, 240 s): while the app
        // is not receiving, operations pile up here, and after more than a stream's lifetime they are worthless
        // (streams resume from Table Storage). Left to the topic's hour, a restart would get a burst of stale ones.
        defaultMessageTimeToLive: 'PT4M'
        deadLetteringOnMessageExpiration: false
      }
    }
  }
}

@description('Name of the namespace.')
output namespaceName string = namespace.name

@description('Name of the topic.')
output topicName string = namespace::topic.name

@description('Host name of the namespace, e.g. <name>.servicebus.windows.net (ServiceBus__fullyQualifiedNamespace).')
output fullyQualifiedNamespace string = parseUri(namespace.properties.serviceBusEndpoint).host

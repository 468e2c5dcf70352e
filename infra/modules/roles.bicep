// Least privilege for the app's identity, each role on the narrowest scope the app works at. Assignment names are
// guid(scope, identity, role): stable across redeployments, unique per grant. Role ids are the
// built-in ones (az role definition list --name '<role name>').

@description('Name of the app\'s user-assigned managed identity.')
param identityName string

@description('Storage account holding host state, the deployment package and the operations table.')
param storageAccountName string

@description('Service Bus namespace of the operations topic.')
param serviceBusNamespaceName string

@description('Topic operations are published to and received from.')
param topicName string

@description('True when each instance creates its own subscription at start-up, which needs the Manage right on the topic.')
param createsSubscriptions bool

@description('Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Key vault holding the signing key; empty when no key vault is deployed.')
param keyVaultName string

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: topicName
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = if (!empty(keyVaultName)) {
  name: keyVaultName
}

// Storage Blob Data Owner, on the account: the Functions host creates its own containers (timer leases, keys) and
// Flex Consumption reads the deployment package; both need more than one container's scope.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

// Storage Table Data Contributor, on the account: the app creates its tables if missing, which a table scope cannot
// grant. No Storage Queue Data Contributor: neither the host nor the app uses queues (no queue or blob triggers).
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.storageTableDataContributor
    )
  }
}

// Azure Service Bus Data Sender, on the topic only.
resource topicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::topic.id, identity.id, roles.serviceBusDataSender)
  scope: serviceBus::topic
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

// Azure Service Bus Data Receiver, on the topic (and so on its subscriptions).
resource topicReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::topic.id, identity.id, roles.serviceBusDataReceiver)
  scope: serviceBus::topic
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
  }
}

// Azure Service Bus Data Owner, on the topic only, and only when instances create (and delete) their own
// subscriptions: that is a Manage operation. With a fixed, pre-created subscription the app needs no such right.
resource topicOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (createsSubscriptions) {
  name: guid(serviceBus::topic.id, identity.id, roles.serviceBusDataOwner)
  scope: serviceBus::topic
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
  }
}

// Monitoring Metrics Publisher, on the Application Insights component: required because local auth is disabled.
resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.monitoringMetricsPublisher
    )
  }
}

// Key Vault Secrets User, on the vault: lets the platform resolve the Auth__SigningKey Key Vault reference.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultName)) {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

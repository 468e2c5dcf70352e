// RecruitOps in one resource group: the function app on Flex Consumption, its storage, the Service Bus topic,
// monitoring, an optional key vault for the signing key, and one managed identity with the roles it needs.
// Deploy: "Deploy it" in README.md (az deployment group create, or azd up).
targetScope = 'resourceGroup'

@description('Short environment name (dev, test, prod: lowercase letters, digits, hyphens); part of every resource name and the azd-env-name tag.')
@minLength(1)
@maxLength(12)
param environmentName string

@description('Region for every resource; Flex Consumption runs in a subset of regions (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Tags added to every resource.')
param tags { *: string } = {}

@description('Most instances the app scales out to; you pay per use, so this is a ceiling, not a cost. Flex Consumption once required at least 40. Ignored (1) when serviceBusSubscriptionName is given.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Concurrent HTTP requests per instance before scale-out. Each open live stream holds one for up to Stream__LifetimeSeconds, hence far above the platform default of 16.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 200

@description('Instances kept warm for HTTP; 0 (pay per use) lets the first request after idling wait for a cold start.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int = 0

@description('Seconds after which the app ends a live stream so the browser resumes; must stay below the 230 s front-end limit.')
@minValue(5)
@maxValue(220)
param streamLifetimeSeconds int = 200

@description('How long the topic remembers a message id to drop a resent copy (ISO 8601); covers the publisher\'s retries and the outbox sweep.')
param duplicateDetectionWindow string = 'PT10M'

@description('Time to live of an operation message on the topic (ISO 8601); streams replay older operations from Table Storage.')
param messageTimeToLive string = 'PT1H'

@description('A pre-created subscription the app receives from (ServiceBus__SubscriptionName). Given, the app runs on one instance only (maximumInstanceCount is forced to 1): instances sharing a subscription would compete for its messages and each relay only part of them. Empty: each instance creates its own, which needs Azure Service Bus Data Owner on the topic.')
@maxLength(50)
param serviceBusSubscriptionName string = ''

@description('The HS256 key tokens are signed with, shared with the existing app (at least 32 bytes). Stored in a key vault, never in an app setting or output.')
@secure()
param authSigningKey string = ''

@description('OpenID Connect authority whose RS256 keys are trusted (Auth__Authority), e.g. https://login.microsoftonline.com/<tenant>/v2.0; empty for the HS256 key only.')
param authAuthority string = ''

@description('Audience every token must carry (Auth__Audience); required with an authority.')
param authAudience string = ''

@description('Issuer every token must carry (Auth__Issuer); empty to accept any.')
param authIssuer string = ''

@description('Browser origins allowed to call the API with credentials (Auth__AllowedOrigins), e.g. the recruiting app\'s.')
param authAllowedOrigins string[] = []

// Names: a resource-type abbreviation, the app, the environment, and a token unique to subscription, group and
// environment so two environments never collide on the global names (storage, Service Bus, key vault, web).
var token = uniqueString(subscription().id, resourceGroup().id, environmentName)
// Storage and key vault names are short and stricter (storage: lowercase letters and digits only).
var shortEnvironment = take(replace(toLower(environmentName), '-', ''), 6)
var allTags = union(tags, { 'azd-env-name': environmentName, app: 'recruitops' })
var operationsTableName = 'operations'
var operationsTopicName = 'operations'
// One shared subscription is a set of competing consumers: with more than one instance, each would miss what the
// others took. Only one subscription per instance fans out, so a fixed subscription pins the app to one instance.
var maximumInstances = empty(serviceBusSubscriptionName) ? maximumInstanceCount : 1
var names = {
  identity: 'id-recruitops-${environmentName}-${token}'
  workspace: 'log-recruitops-${environmentName}-${token}'
  applicationInsights: 'appi-recruitops-${environmentName}-${token}'
  storage: 'st${shortEnvironment}${token}'
  serviceBus: 'sb-recruitops-${environmentName}-${token}'
  keyVault: 'kv-${shortEnvironment}-${token}'
  plan: 'asp-recruitops-${environmentName}-${token}'
  functionApp: 'func-recruitops-${environmentName}-${token}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    tags: allTags
    retentionInDays: 30
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    deploymentContainerName: 'app-package'
    operationsTableName: operationsTableName
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    namespaceName: names.serviceBus
    location: location
    tags: allTags
    topicName: operationsTopicName
    duplicateDetectionWindow: duplicateDetectionWindow
    messageTimeToLive: messageTimeToLive
    fixedSubscriptionName: serviceBusSubscriptionName
  }
}

module keyVault 'modules/keyvault.bicep' = if (!empty(authSigningKey)) {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    signingKey: authSigningKey
    softDeleteRetentionInDays: 7
  }
}

// Names known before deployment, not module outputs, so what-if can predict every role assignment; the explicit
// dependsOn orders the assignments after the resources they are scoped to.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    identity
    storage
    serviceBus
    monitoring
    keyVault
  ]
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    serviceBusNamespaceName: names.serviceBus
    topicName: operationsTopicName
    createsSubscriptions: empty(serviceBusSubscriptionName)
    applicationInsightsName: names.applicationInsights
    keyVaultName: empty(authSigningKey) ? '' : names.keyVault
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // The app starts as soon as it exists; granting its roles first spares it a start with access denied.
  dependsOn: [
    roles
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    operationsTableName: operationsTableName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    serviceBusTopicName: serviceBus.outputs.topicName
    serviceBusSubscriptionName: serviceBusSubscriptionName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    signingKeyUri: keyVault.?outputs.signingKeyUri ?? ''
    authAuthority: authAuthority
    authAudience: authAudience
    authIssuer: authIssuer
    authAllowedOrigins: authAllowedOrigins
    streamLifetimeSeconds: streamLifetimeSeconds
    maximumInstanceCount: maximumInstances
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    alwaysReadyHttpInstances: min(alwaysReadyHttpInstances, maximumInstances)
  }
}

@description('Name of the function app: the target of `func azure functionapp publish` and `az functionapp deploy`.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Resource group everything was deployed to.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Base URL of the app; the page is at <url>/api/recruits/page.')
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the storage account (host state, deployment package, operations table).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Table endpoint the app stores operations at.')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Blob endpoint of the same account.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Host name of the Service Bus namespace carrying operations between instances.')
output AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('Client id of the app\'s managed identity (the value of every __clientId setting).')
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the Application Insights component to query logs and live metrics in.')
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

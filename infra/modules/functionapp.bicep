// The function app on the Flex Consumption plan (FC1), the current serverless plan for Azure Functions:
// - HTTP responses may stream (the live feed is one long response per browser);
// - scale follows concurrent requests per instance: an idle open stream costs a slot, not CPU, so the limit is high;
// - always-ready instances can remove the cold start, and VNet integration is there when the network needs it.
// The front end still ends any HTTP response after 230 s, so the app ends each stream first (Stream__LifetimeSeconds)
// and the browser resumes with Last-Event-ID.

@description('Name of the function app (also its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app; the app also gets azd-service-name so `azd deploy` finds it.')
param tags { *: string }

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, passed to every identity-based connection as __clientId.')
param identityClientId string

@description('Name of the storage account used for host state and the operations table.')
param storageAccountName string

@description('Table endpoint of that account.')
param tableEndpoint string

@description('URL of the blob container holding the deployment package.')
param deploymentContainerUrl string

@description('Table the operations are stored in.')
param operationsTableName string

@description('Host name of the Service Bus namespace.')
param serviceBusNamespace string

@description('Topic operations travel through.')
param serviceBusTopicName string

@description('Fixed subscription to receive from; empty for one subscription per instance.')
param serviceBusSubscriptionName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Versionless Key Vault secret URI of the HS256 signing key; empty when none was given.')
param signingKeyUri string

@description('OpenID Connect authority whose keys are trusted; empty for the shared HS256 key only.')
param authAuthority string

@description('Audience tokens must carry; empty to accept any.')
param authAudience string

@description('Issuer tokens must carry; empty to accept any.')
param authIssuer string

@description('Browser origins allowed to call the API with credentials (CORS), e.g. the recruiting app\'s.')
param authAllowedOrigins string[]

@description('Seconds after which the app ends a stream so the client resumes; below the 230 s front-end limit.')
@minValue(5)
@maxValue(220)
param streamLifetimeSeconds int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Concurrent HTTP requests (open streams included) one instance takes before another is added.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int

@description('Instances kept warm for HTTP functions; 0 pays only for use but the first request after idling waits.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int

// Every setting the app reads that the template provides, by name. The settings-agreement test reads these names
// from the compiled template, so each stays a literal here; empty values are dropped below (optional settings).
var appSettings = [
  // Host storage, by identity: no AzureWebJobsStorage connection string and no shared key.
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  // The host's own landing page at / would answer without the app's security headers; nobody needs it.
  { name: 'AzureWebJobsDisableHomepage', value: 'true' }
  // Telemetry with Microsoft Entra auth, since the component has local auth disabled.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  { name: 'OperationsStorage__tableServiceUri', value: tableEndpoint }
  { name: 'OperationsStorage__credential', value: 'managedidentity' }
  { name: 'OperationsStorage__clientId', value: identityClientId }
  { name: 'Operations__TableName', value: operationsTableName }
  { name: 'ServiceBus__fullyQualifiedNamespace', value: serviceBusNamespace }
  { name: 'ServiceBus__credential', value: 'managedidentity' }
  { name: 'ServiceBus__clientId', value: identityClientId }
  { name: 'ServiceBus__TopicName', value: serviceBusTopicName }
  { name: 'ServiceBus__SubscriptionName', value: serviceBusSubscriptionName }
  { name: 'Stream__LifetimeSeconds', value: string(streamLifetimeSeconds) }
  // Resolved by the platform with the identity named in keyVaultReferenceIdentity; the app sees the key itself.
  { name: 'Auth__SigningKey', value: empty(signingKeyUri) ? '' : '@Microsoft.KeyVault(SecretUri=${signingKeyUri})' }
  { name: 'Auth__Authority', value: authAuthority }
  { name: 'Auth__Audience', value: authAudience }
  { name: 'Auth__Issuer', value: authIssuer }
  // Stated, not left to the default: minting tokens for any role must never be possible in Azure.
  { name: 'Auth__LocalSignInEnabled', value: 'false' }
]

// A list binds from numbered settings (Auth__AllowedOrigins__0, __1, ...).
var originSettings = [for (origin, index) in authAllowedOrigins: { name: 'Auth__AllowedOrigins__${index}', value: origin }]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(filter(appSettings, setting => !empty(setting.value)), originSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances == 0 ? [] : [{ name: 'http', instanceCount: alwaysReadyHttpInstances }]
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
      // On Flex the runtime is declared here; FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not app
      // settings on this plan (the platform rejects them).
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Deployment is by identity (azd, az functionapp deploy with Entra sign-in): no FTP or SCM basic auth.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the app, e.g. <name>.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName

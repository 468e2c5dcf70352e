// One storage account for the app: the Functions host's own state (blob leases for the timer trigger), the Flex
// Consumption deployment package, and the operations table. Shared keys are off: everything authenticates with
// Microsoft Entra ID, so no connection string with a key exists anywhere.

@description('Name of the storage account (3 to 24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags { *: string }

@description('Blob container Flex Consumption deploys the app package into.')
param deploymentContainerName string

@description('Table the operations are stored in (Operations__TableName).')
param operationsTableName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, identity-only. A private endpoint needs VNet integration of the app: TODO(#8) when the
    // network team provides a VNet.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    // The app also creates the table if it is missing; creating it here means the first request never waits.
    resource operationsTable 'tables' = {
      name: operationsTableName
    }
  }
}

@description('Name of the storage account (AzureWebJobsStorage__accountName).')
output name string = storage.name

@description('Blob endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Table endpoint, e.g. https://<account>.table.core.windows.net/ (OperationsStorage__tableServiceUri).')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('URL of the container Flex Consumption reads the deployment package from.')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${storage::blobService::deploymentContainer.name}'

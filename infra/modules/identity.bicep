// The one identity the app uses for every Azure service: storage, Service Bus, Key Vault, Application Insights.
// User-assigned so the role assignments exist before the app first starts (a system-assigned identity would only
// exist once the site does, and its first cold start would race the assignments).

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity, for the function app\'s identity block and Key Vault references.')
output id string = identity.id

@description('Object (principal) id of the identity, the subject of every role assignment.')
output principalId string = identity.properties.principalId

@description('Client (application) id of the identity, which the app passes as __clientId to pick it.')
output clientId string = identity.properties.clientId

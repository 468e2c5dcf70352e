// Holds the HS256 signing key the existing app shares with this one. The function app reads it through a Key Vault
// reference with its managed identity, so the key is in no app setting, output, log or repository.

@description('Name of the key vault (3 to 24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the key vault.')
param location string

@description('Tags applied to the key vault.')
param tags { *: string }

@description('The HS256 key tokens are signed with (Auth__SigningKey), at least 32 bytes.')
@secure()
@minLength(32)
param signingKey string

@description('Days a deleted vault can be recovered. Purge protection stays off so `azd down --purge` can remove a dev vault; turn it on for production.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is by Azure RBAC only (Key Vault Secrets User for the app), never by access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
  }

  resource signingKeySecret 'secrets' = {
    name: 'auth-signing-key'
    properties: {
      value: signingKey
      contentType: 'text/plain'
    }
  }
}

@description('Name of the key vault.')
output name string = vault.name

@description('Versionless URI of the signing-key secret, for a Key Vault reference (not the secret itself).')
output signingKeyUri string = vault::signingKeySecret.properties.secretUri

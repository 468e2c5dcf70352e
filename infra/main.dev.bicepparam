// A development environment: pay per use, nothing kept warm. Values that differ per person or hold secrets come from
// environment variables, never from this file:
//   RECRUITOPS_ENV           environment name (default dev)
//   RECRUITOPS_SIGNING_KEY   the HS256 key shared with the existing app (kept in Key Vault by the deployment)
//   RECRUITOPS_ISSUER        issuer the existing app writes into its tokens, if any
using 'main.bicep'

param environmentName = readEnvironmentVariable('RECRUITOPS_ENV', 'dev')
param alwaysReadyHttpInstances = 0
param httpPerInstanceConcurrency = 200
param streamLifetimeSeconds = 200
param authSigningKey = readEnvironmentVariable('RECRUITOPS_SIGNING_KEY', '')
param authIssuer = readEnvironmentVariable('RECRUITOPS_ISSUER', '')
param tags = {
  environment: 'dev'
}

// Application Insights on a Log Analytics workspace. Local (instrumentation-key) auth is off, so telemetry is only
// accepted from callers holding Monitoring Metrics Publisher: the app sends APPLICATIONINSIGHTS_AUTHENTICATION_STRING.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags applied to both resources.')
param tags { *: string }

@description('Days the workspace keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

@description('Name of the Application Insights component (the target of the Monitoring Metrics Publisher role).')
output applicationInsightsName string = applicationInsights.name

@description('Connection string of Application Insights. Not a credential: with local auth disabled it only says where to send.')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

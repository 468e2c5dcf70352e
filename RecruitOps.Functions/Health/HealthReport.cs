namespace RecruitOps.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status, StorageHealth Storage, RelayHealth Relay, ServiceBusHealth ServiceBus);

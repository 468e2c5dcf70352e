using System.Text.Json.Nodes;

namespace RecruitOps.Replay;

/// <summary>
/// One operation to record: the request body to send (with its operationId, given or derived) and who sends it.
/// </summary>
/// <param name="Lane">Lines with the same lane key (the recruit) are recorded in file order whatever the concurrency.</param>
public sealed record ReplayLine(int Number, ReplayUser User, JsonObject Body, string? OperationId, string Lane);

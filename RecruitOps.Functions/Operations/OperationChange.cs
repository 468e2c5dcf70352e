using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>One field edit of an <c>updated</c> operation; <see cref="From"/> and <see cref="To"/> are JSON scalars.</summary>
public sealed record OperationChange(string Field, JsonElement From, JsonElement To);

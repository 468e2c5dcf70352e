namespace RecruitOps.Tests.Infra;

/// <summary>
/// One setting the app reads. <see cref="Default"/> is the options class's initial value as the docs should show it
/// (null when it has none worth showing: unset, a list, an object). A connection is read by the Azure SDK as a
/// connection string or as identity-based <c>Name__*</c> settings.
/// </summary>
internal sealed record CodeSetting(string Name, string Source, bool IsConnection, string? Default);

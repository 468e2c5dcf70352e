namespace RecruitOps.Streaming;

/// <summary>The data of the <c>ready</c> event: the newest operation id when the stream opened.</summary>
public sealed record ReadyPayload(string NewestId);

/// <summary>The data of the <c>resync</c> event.</summary>
public sealed record ResyncPayload(string Reason);

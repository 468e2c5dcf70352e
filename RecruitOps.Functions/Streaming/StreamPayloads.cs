namespace RecruitOps.Streaming;

/// <summary>The data of the <c>ready</c> event: the newest operation id (or time position) when the stream opened.</summary>
public sealed record ReadyPayload(string NewestId);

/// <summary>The data of the <c>resync</c> event: why the stream cannot replay; the client reloads the history.</summary>
public sealed record ResyncPayload(string Reason);
